using System.Globalization;
using System.Text.Json;
using PublicService.Tests.Support;

namespace PublicService.Tests.Cli;

/// <summary><c>scan-deadlines</c> through the real executable: one JSON line, idempotent, bad input refused.</summary>
public sealed class ScanDeadlinesVerbTests : IDisposable
{
    private readonly TemporarySqliteFile _database = new("scan");
    private string ConnectionString => _database.ConnectionString;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ScanDeadlines_AfterDemoSeed_PrintsOneJsonLineAndChangesNothingTheSecondTime()
    {
        Assert.Equal(0, (await ConsoleProcess.RunAsync(ConnectionString, "seed-demo", "--dossiers", "300", "--seed", "4")).ExitCode);
        var now = DateTimeOffset.UtcNow.AddDays(4).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        var first = await ConsoleProcess.RunAsync(ConnectionString, "scan-deadlines", "--now", now);
        var second = await ConsoleProcess.RunAsync(ConnectionString, "scan-deadlines", "--now", now);
        var relevel = await ConsoleProcess.RunAsync(ConnectionString, "scan-deadlines", "--now", now, "--all");
        var rebuilt = await ConsoleProcess.RunAsync(ConnectionString, "rebuild-deadlines", "--dry-run");

        Assert.Equal(0, first.ExitCode);
        var line = Assert.Single(first.Lines);
        using var json = JsonDocument.Parse(line);
        Assert.Equal(["scanned", "changed", "approaching", "dueToday", "overdue", "stepChanged", "elapsedMs"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        var changed = json.RootElement.GetProperty("changed").GetInt32();
        Assert.True(changed > 0);
        Assert.Equal(changed, json.RootElement.GetProperty("approaching").GetInt32()
            + json.RootElement.GetProperty("dueToday").GetInt32() + json.RootElement.GetProperty("overdue").GetInt32());
        Assert.StartsWith("{\"scanned\":0,\"changed\":0,\"approaching\":0,\"dueToday\":0,\"overdue\":0,", Assert.Single(second.Lines));
        Assert.Equal(0, JsonDocument.Parse(Assert.Single(relevel.Lines)).RootElement.GetProperty("changed").GetInt32());
        Assert.StartsWith("300 examined, 0 differed", rebuilt.Lines[0]);
    }

    [Theory]
    [InlineData("scan-deadlines", "--now", "tomorrow")]
    [InlineData("scan-deadlines", "--now")]
    [InlineData("scan-deadlines", "now")]
    [InlineData("scan-deadlines", "--all", "yes")]
    [InlineData("scan-deadlines", "--later", "2026-03-02T09:00:00+07:00")]
    public async Task ScanDeadlines_BadInput_ExitsWithTwoAndOneLineReason(params string[] args)
    {
        var result = await ConsoleProcess.RunAsync(ConnectionString, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(result.Output);
    }
}
