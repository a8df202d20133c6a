using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using PublicService.Tests.Support;

namespace PublicService.Tests.Cli;

/// <summary>
/// Verbs killed with SIGKILL in the middle of their work (<c>Process.Kill</c>): what they had written inside their
/// transaction must vanish, and running them again must finish the work once. The Testing environment's crash hooks
/// (<c>Hosting/CrashTestHooks</c>) slow the work and announce each step on stderr, so the kill lands half-way.
/// </summary>
public sealed class KillNineTests : IDisposable
{
    private readonly TemporarySqliteFile _database = new("kill");
    private string ConnectionString => _database.ConnectionString;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ScanDeadlines_KilledMidScan_LeavesNothingHalfWrittenAndTheRerunFinishesOnce()
    {
        Assert.Equal(0, (await ConsoleProcess.RunAsync(ConnectionString, "seed-demo", "--dossiers", "4000", "--seed", "9")).ExitCode);
        // Far in the future: every running dossier becomes overdue, several batches of 500.
        var now = DateTimeOffset.UtcNow.AddYears(2).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var before = await SnapshotAsync();

        using (var scan = KillableProcess.Start(ConnectionString, new Dictionary<string, string> { ["Testing__ScanBatchDelayMs"] = "2000" },
                   "scan-deadlines", "--now", now))
        {
            await scan.WaitForErrorLinesAsync(l => l == "testing: scan batch 1 written", 1, TimeSpan.FromMinutes(3));
            Assert.NotEqual(0, await scan.KillAsync());
            Assert.Empty(scan.Output);
        }

        var afterKill = await SnapshotAsync();
        Assert.Equal(before.Events, afterKill.Events);
        Assert.Equal(before.Levels, afterKill.Levels);
        AssertLevelsFollowEvents(afterKill);

        // The killed process still "holds" the lease; a dead holder on this machine is taken over at once.
        var rerun = await ConsoleProcess.RunAsync(ConnectionString, "scan-deadlines", "--now", now);
        var again = await ConsoleProcess.RunAsync(ConnectionString, "scan-deadlines", "--now", now);
        var rebuilt = await ConsoleProcess.RunAsync(ConnectionString, "rebuild-deadlines", "--dry-run");

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        var counts = JsonDocument.Parse(Assert.Single(rerun.Lines)).RootElement;
        var changed = counts.GetProperty("changed").GetInt32();
        var stepChanged = counts.GetProperty("stepChanged").GetInt32();
        // More due dossiers than one batch of 500: the kill after batch 1 was in the middle of the work.
        Assert.True(counts.GetProperty("scanned").GetInt32() > 500, rerun.Output);
        Assert.True(changed > 0, rerun.Output);
        Assert.Equal(0, JsonDocument.Parse(Assert.Single(again.Lines)).RootElement.GetProperty("changed").GetInt32());
        Assert.StartsWith("4000 examined, 0 differed", rebuilt.Lines[0]);
        var done = await SnapshotAsync();
        AssertLevelsFollowEvents(done);
        Assert.Equal(before.Events + changed + stepChanged, done.Events);
        // One AlertChanged per dossier (and one per current step) at the scan's instant, never two.
        var scanInstant = DateTimeOffset.Parse(now, CultureInfo.InvariantCulture).UtcDateTime;
        Assert.All(done.Dossiers, d => Assert.True(
            d.Events.Where(e => e.Type == DossierEventType.AlertChanged && e.AtUtc == scanInstant)
                .CountBy(e => e.Data.Step == true).All(c => c.Value <= 1), d.Code));
        Assert.Equal(changed + stepChanged, done.Dossiers.Sum(d => d.Events.Count(e => e.Type == DossierEventType.AlertChanged && e.AtUtc == scanInstant)));
    }

    [Fact]
    public async Task ImportCatalog_KilledMidImport_LeavesTheCatalogExactlyAsBefore()
    {
        Assert.Equal(0, (await ConsoleProcess.RunAsync(ConnectionString, "seed-demo", "--dossiers", "0")).ExitCode);
        var beforeFile = Path.ChangeExtension(_database.Path, ".before.json");
        var afterFile = Path.ChangeExtension(_database.Path, ".after.json");
        var bigFile = Path.ChangeExtension(_database.Path, ".big.json");
        try
        {
            Assert.Equal(0, (await ConsoleProcess.RunAsync(ConnectionString, "export-catalog", beforeFile)).ExitCode);
            await File.WriteAllTextAsync(bigFile, BigCatalog(await File.ReadAllTextAsync(beforeFile), copies: 40));
            var proceduresBefore = await CountProceduresAsync();

            using (var import = KillableProcess.Start(ConnectionString, new Dictionary<string, string> { ["Testing__WriteDelayMs"] = "100" },
                       "import-catalog", bigFile))
            {
                await import.WaitForErrorLinesAsync(l => l.StartsWith("testing: wrote", StringComparison.Ordinal) && l.Contains("Procedure"), 5, TimeSpan.FromMinutes(3));
                Assert.NotEqual(0, await import.KillAsync());
                Assert.Empty(import.Output);
            }

            Assert.Equal(0, (await ConsoleProcess.RunAsync(ConnectionString, "export-catalog", afterFile)).ExitCode);
            Assert.Equal(await File.ReadAllTextAsync(beforeFile), await File.ReadAllTextAsync(afterFile));
            Assert.Equal(proceduresBefore, await CountProceduresAsync());

            // The file itself was fine: without the kill it imports whole.
            var imported = await ConsoleProcess.RunAsync(ConnectionString, "import-catalog", bigFile);
            Assert.True(imported.ExitCode == 0, imported.Error + imported.Output);
            Assert.StartsWith($"{40 * proceduresBefore} created, {proceduresBefore} updated, 0 unchanged", imported.Lines[0]);
            Assert.Equal(41 * proceduresBefore, await CountProceduresAsync());
        }
        finally
        {
            File.Delete(beforeFile);
            File.Delete(afterFile);
            File.Delete(bigFile);
        }
    }

    /// <summary>The exported catalog with every procedure renamed (an update) plus <paramref name="copies"/> copies of each under new codes.</summary>
    private static string BigCatalog(string exported, int copies)
    {
        var sheets = JsonNode.Parse(exported)!.AsObject();
        const string CodeColumn = "Mã thủ tục";
        const string NameColumn = "Tên thủ tục";
        var codes = sheets["Thủ tục"]!.AsArray().Select(r => r![CodeColumn]!.GetValue<string>()).ToList();
        foreach (var (_, rows) in sheets.ToList())
        {
            var array = rows!.AsArray();
            var originals = array.Select(r => r!.DeepClone()).ToList();
            foreach (var row in array)
                if (row![NameColumn] is { } name) row[NameColumn] = name.GetValue<string>() + " (sửa đổi)";
            for (var copy = 1; copy <= copies; copy++)
            {
                foreach (var original in originals)
                {
                    var row = original.DeepClone();
                    var index = codes.IndexOf(row[CodeColumn]!.GetValue<string>());
                    row[CodeColumn] = $"1.{700000 + copy * 100 + index:D6}.000.00.00.H48";
                    array.Add(row);
                }
            }
        }
        return sheets.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private sealed record Snapshot(long Events, IReadOnlyDictionary<string, AlertLevel> Levels, IReadOnlyList<Dossier> Dossiers);

    private async Task<Snapshot> SnapshotAsync()
    {
        await using var db = Open();
        var dossiers = await db.Dossiers.AsNoTracking().Include(d => d.Events).AsSplitQuery().ToListAsync();
        return new Snapshot(await db.Set<DossierEvent>().LongCountAsync(), dossiers.ToDictionary(d => d.Code, d => d.AlertLevel), dossiers);
    }

    /// <summary>
    /// Each dossier's stored levels (its own and its current step's) are the ones its last AlertChanged events say
    /// (Normal without one; a hand-over resets the step's), and its event counter is its last event.
    /// </summary>
    private static void AssertLevelsFollowEvents(Snapshot snapshot) =>
        Assert.All(snapshot.Dossiers, d =>
        {
            var alerts = d.Events.Where(e => e.Type == DossierEventType.AlertChanged).ToList();
            Assert.Equal(alerts.Where(e => e.Data.Step != true).MaxBy(e => e.Sequence)?.Data.ToLevel ?? AlertLevel.Normal, d.AlertLevel);
            var lastHandOver = d.Events.Where(e => e.Type == DossierEventType.TransferredToNextStep).Select(e => e.Sequence).DefaultIfEmpty(0).Max();
            var stepLevel = alerts.Where(e => e.Data.Step == true && e.Sequence > lastHandOver).MaxBy(e => e.Sequence)?.Data.ToLevel;
            Assert.Equal(stepLevel ?? AlertLevel.Normal, d.StepAlertLevel);
            Assert.Equal(d.Events.Max(e => e.Sequence), d.LastEventSequence);
        });

    private async Task<int> CountProceduresAsync()
    {
        await using var db = Open();
        return await db.Procedures.CountAsync();
    }

    private PublicServiceDbContext Open()
    {
        var options = new DbContextOptionsBuilder<PublicServiceDbContext>();
        PublicServiceDatabase.Configure(options, DatabaseProvider.Sqlite, ConnectionString);
        return new PublicServiceDbContext(options.Options);
    }
}
