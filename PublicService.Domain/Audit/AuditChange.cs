using System.Text.Encodings.Web;
using System.Text.Json;

namespace PublicService.Domain.Audit;

/// <summary>One field of a recorded change: its value before and after, as text (lists joined by ", ").</summary>
public sealed record AuditFieldChange(string Field, string? Before, string? After)
{
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>
/// The before/after form of an audit line's detail: <c>{"before":{…},"after":{…}}</c>, either side null for a
/// creation or a removal. Kept in the existing <see cref="AuditEntry.Detail"/> column (no schema change); lines
/// written as plain text stay plain text.
/// </summary>
public static class AuditChange
{
    // Vietnamese names stay readable in the stored JSON; the viewer renders values as text, never as markup.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize<T>(T? before, T? after) where T : class =>
        JsonSerializer.Serialize(new ChangeDocument<T>(before, after), Options);

    /// <summary>The fields of a before/after detail, in the order written; null when the detail is not one (plain text, or clipped).</summary>
    public static IReadOnlyList<AuditFieldChange>? Parse(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail) || detail.TrimStart()[0] != '{') return null;
        try
        {
            using var document = JsonDocument.Parse(detail);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("before", out var before) || !root.TryGetProperty("after", out var after)
                || before.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null)
                || after.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                return null;
            var fields = Names(before).Concat(Names(after)).Distinct(StringComparer.Ordinal);
            return fields.Select(field => new AuditFieldChange(field, ValueOf(before, field), ValueOf(after, field))).ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Names(JsonElement side) =>
        side.ValueKind == JsonValueKind.Object ? side.EnumerateObject().Select(p => p.Name).ToList() : [];

    private static string? ValueOf(JsonElement side, string field) =>
        side.ValueKind == JsonValueKind.Object && side.TryGetProperty(field, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };

    private sealed record ChangeDocument<T>(
        [property: System.Text.Json.Serialization.JsonPropertyName("before")] T? Before,
        [property: System.Text.Json.Serialization.JsonPropertyName("after")] T? After);
}
