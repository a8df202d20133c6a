using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PublicService.Domain.Persistence;

/// <summary>Maps an immutable value (a record) to a JSON text column; values are replaced, never mutated, so equality is by JSON.</summary>
public static class JsonColumn
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ValueConverter<T, string> Converter<T>() where T : class => new(
        v => JsonSerializer.Serialize(v, Options),
        s => Parsed<T>.From(s));

    /// <summary>
    /// Read values by their JSON text. A million dossiers share a few hundred distinct processing terms, and parsing
    /// the same JSON for every row read was most of the cost of loading dossiers (the deadline scan, a calendar
    /// change). Sharing one instance is safe because the values are immutable; the cache stops growing at a bound
    /// so that unusual data cannot make it a leak.
    /// </summary>
    private static class Parsed<T> where T : class
    {
        private const int MaxEntries = 10_000;
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, T> Values = new(StringComparer.Ordinal);

        public static T From(string json)
        {
            if (Values.TryGetValue(json, out var value)) return value;
            value = JsonSerializer.Deserialize<T>(json, Options)!;
            if (Values.Count < MaxEntries) Values.TryAdd(json, value);
            return value;
        }
    }

    public static ValueComparer<T> Comparer<T>() where T : class => new(
        // Values are immutable and shared (Parsed), so an unchanged column is the same instance: skip serializing it.
        (a, b) => ReferenceEquals(a, b) || JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        v => JsonSerializer.Serialize(v, Options).GetHashCode(),
        v => v);
}

/// <summary>
/// Every instant in this database is UTC. SQLite hands DateTime back without a kind; PostgreSQL's
/// <c>timestamp with time zone</c> refuses a value without one.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
