using System.Globalization;
using System.Text.Json;
using PublicService.Domain.Persistence;
using PublicService.Tests.Support;

namespace PublicService.Tests.Cli;

/// <summary>The verbs through the real executable with <c>Database__Provider=Postgres</c>, on an empty database of the test cluster.</summary>
public sealed class PostgresVerbTests : IAsyncLifetime
{
    private string _connectionString = null!;

    public async Task InitializeAsync() => _connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("cli");

    public async Task DisposeAsync() => await (await PostgresServer.GetAsync()).DropDatabaseAsync(_connectionString);

    private Task<ProcessResult> RunAsync(params string[] args) => ConsoleProcess.RunAsync(_connectionString, DatabaseProvider.Postgres, args);

    [Fact]
    public async Task MigrateSeedScanRebuild_OnPostgres_WorkAsOnSqlite()
    {
        var migrated = await RunAsync("migrate");
        var again = await RunAsync("migrate");
        Assert.True(migrated.ExitCode == 0, migrated.Error);
        Assert.Equal(0, again.ExitCode);
        Assert.True((await RunAsync("seed-demo", "--dossiers", "300", "--seed", "4")).ExitCode == 0);
        var now = DateTimeOffset.UtcNow.AddDays(4).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        var first = await RunAsync("scan-deadlines", "--now", now);
        var second = await RunAsync("scan-deadlines", "--now", now);
        var rebuilt = await RunAsync("rebuild-deadlines", "--dry-run");

        Assert.True(first.ExitCode == 0, first.Error);
        using var json = JsonDocument.Parse(Assert.Single(first.Lines));
        Assert.True(json.RootElement.GetProperty("changed").GetInt32() > 0);
        Assert.StartsWith("{\"scanned\":0,\"changed\":0,", Assert.Single(second.Lines));
        Assert.StartsWith("300 examined, 0 differed", rebuilt.Lines[0]);
    }

    [Fact]
    public async Task Backup_OnPostgres_IsRefusedPointingAtPgDump()
    {
        var target = Path.Combine(Path.GetTempPath(), $"ps-backup-{Guid.NewGuid():N}.db");

        var result = await RunAsync("backup", target);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pg_dump", result.Error);
        Assert.False(File.Exists(target));
    }
}
