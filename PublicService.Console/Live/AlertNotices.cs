using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PublicService.Domain.Monitoring;

namespace PublicService.Console.Live;

/// <summary>
/// The PostgreSQL <c>NOTIFY</c> payloads that carry a committed scan's level changes to every node. A payload must
/// stay under 8,000 bytes, so a large scan is cut into chunks that share a message id and say how many there are;
/// the listener puts them back together and broadcasts one result, so boards reload once per scan, not per chunk.
/// Each change is one short string (<c>dossierId|code|from|to[|s]</c>) rather than an object: it keeps about 180
/// changes in a chunk.
/// </summary>
public static class AlertNotices
{
    /// <summary>The channel every node listens on.</summary>
    public const string Channel = "publicservice_alerts";

    /// <summary>PostgreSQL refuses a payload of 8,000 bytes or more; the rest of the budget is the header's.</summary>
    public const int MaxPayloadBytes = 7_900;
    private const int ChangesBudgetBytes = MaxPayloadBytes - 300;

    /// <summary>One chunk: message id, index, count, the scan's instant, how many it looked at, the highest AlertChanged event id it wrote, its changes.</summary>
    public sealed record Notice(
        [property: JsonPropertyName("m")] string MessageId,
        [property: JsonPropertyName("i")] int Index,
        [property: JsonPropertyName("n")] int Count,
        [property: JsonPropertyName("t")] DateTime NowUtc,
        [property: JsonPropertyName("s")] int Scanned,
        [property: JsonPropertyName("e")] long LastEventId,
        [property: JsonPropertyName("c")] IReadOnlyList<string> Changes);

    /// <summary>The payloads for <paramref name="result"/>, each under <see cref="MaxPayloadBytes"/>; none when nothing changed.</summary>
    public static IReadOnlyList<string> Encode(DeadlineScanResult result, long lastEventId)
    {
        var groups = new List<List<string>>();
        var current = new List<string>();
        var bytes = 0;
        foreach (var change in result.Changes)
        {
            var text = Format(change);
            // Quotes and the comma around each string; JSON escapes nothing in these (digits, '|', the code).
            var size = Encoding.UTF8.GetByteCount(text) + 3;
            if (current.Count > 0 && bytes + size > ChangesBudgetBytes)
            {
                groups.Add(current);
                (current, bytes) = ([], 0);
            }
            current.Add(text);
            bytes += size;
        }
        if (current.Count > 0) groups.Add(current);

        var messageId = Guid.NewGuid().ToString("N");
        return groups.Select((changes, i) => JsonSerializer.Serialize(
            new Notice(messageId, i, groups.Count, result.NowUtc, result.Scanned, lastEventId, changes))).ToList();
    }

    public static Notice Decode(string payload) =>
        JsonSerializer.Deserialize<Notice>(payload) ?? throw new FormatException("An empty alert notice.");

    /// <summary>One result from all the chunks of a message, in any order.</summary>
    public static DeadlineScanResult Assemble(IReadOnlyCollection<Notice> chunks)
    {
        var first = chunks.First();
        var changes = chunks.OrderBy(c => c.Index).SelectMany(c => c.Changes).Select(Parse).ToList();
        return DeadlineScanResult.Of(DateTime.SpecifyKind(first.NowUtc, DateTimeKind.Utc), first.Scanned, changes, 0);
    }

    private static string Format(AlertChange change) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{change.DossierId}|{change.Code}|{(int)change.From}|{(int)change.To}{(change.Step ? "|s" : "")}");

    private static AlertChange Parse(string text)
    {
        var parts = text.Split('|');
        return new AlertChange(
            long.Parse(parts[0], CultureInfo.InvariantCulture),
            parts[1],
            (AlertLevel)int.Parse(parts[2], CultureInfo.InvariantCulture),
            (AlertLevel)int.Parse(parts[3], CultureInfo.InvariantCulture),
            Step: parts.Length > 4 && parts[4] == "s");
    }
}
