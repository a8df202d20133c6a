using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PublicService.Domain;
using PublicService.Domain.Catalog;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Staff;
using PublicService.Tests.Support;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Persistence;

/// <summary>Every log line of the dossier workflow, the reception and the scan carries the dossier code as the structured DossierCode property.</summary>
public abstract class DossierLoggingTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private ILoggerFactory _loggers = null!;
    private TestDatabase _database = null!;
    private int _agencyId;

    public async Task InitializeAsync()
    {
        _loggers = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.Open();
        await DemoCatalog.Build().AddToAsync(db, CancellationToken.None);
        _agencyId = (await db.Agencies.AsNoTracking().SingleAsync(a => a.Code == "000.00.15.H48")).Id;
    }

    public async Task DisposeAsync()
    {
        _loggers.Dispose();
        await _database.DisposeAsync();
    }

    private DossierWorkflow Workflow => new(_database.Factory, _database.Calendars, _database.Clock, _loggers.CreateLogger<DossierWorkflow>());

    private async Task<Dossier> ReceiveAsync()
    {
        await using var db = _database.Open();
        var version = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.ImplementingAgencyId == _agencyId && v.Status == VersionStatus.Published).OrderBy(v => v.Id).FirstAsync();
        var @case = version.Cases[0];
        var command = new ReceiveDossierCommand(version.ProcedureId, @case.Code, @case.Channels[0].Channel, _agencyId,
            TestCalendar.Applicant(), @case.Documents.Select(d => d.Name).ToList());
        return await new DossierReception(_database.Factory, _database.Calendars, _database.Clock, _loggers.CreateLogger<DossierReception>())
            .ReceiveAsync(command, "tiepnhan@h48.demo");
    }

    [Fact]
    public async Task WorkflowAndReception_EveryLineCarriesTheDossierCode()
    {
        var dossier = await ReceiveAsync();
        var desk = StaffScope.Of("tiepnhan", [StaffRoles.ReceptionOfficer], []);
        var started = await Workflow.For(desk).StartProcessingAsync(dossier.Id, dossier.RowVersion, "tiepnhan@h48.demo", null);
        await Assert.ThrowsAsync<DomainException>(() => Workflow.For(desk).StopAsync(started.Id, started.RowVersion, "tiepnhan@h48.demo", "Không đủ"));

        var lines = _logs.Lines.Where(l => l.Category.StartsWith("PublicService.Domain.Dossiers.", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Equal(dossier.Code, l.Properties["DossierCode"]));
        Assert.All(lines, l => Assert.Equal(LogLevel.Information, l.Level));

        var received = Assert.Single(lines, l => l.Category == typeof(DossierReception).FullName);
        Assert.Equal("tiepnhan@h48.demo", received.Properties["Actor"]);
        var acted = Assert.Single(lines, l => l.EventId.Name == "DossierActed");
        Assert.Equal(DossierAction.StartProcessing, acted.Properties["Action"]);
        Assert.Equal("tiepnhan@h48.demo", acted.Properties["Actor"]);
        Assert.Equal(DossierStatus.Received, acted.Properties["FromStatus"]);
        Assert.Equal(DossierStatus.InProcess, acted.Properties["ToStatus"]);
        Assert.Contains(dossier.Code, acted.Message);
        var refused = Assert.Single(lines, l => l.EventId.Name == "DossierActionRefused");
        Assert.Equal(DossierAction.Stop, refused.Properties["Action"]);
        Assert.Equal("dossier.role.not-allowed", refused.Properties["RefusalCode"]);
    }

    [Fact]
    public async Task Scan_EachLevelChangeLineCarriesTheDossierCode()
    {
        var dossier = await ReceiveAsync();
        var scanner = new DeadlineScanner(_database.Factory, _database.Calendars, _database.Clock, [], _loggers.CreateLogger<DeadlineScanner>());

        var result = await scanner.ScanAsync(dossier.DueAtUtc.AddDays(30));

        var changes = _logs.Lines.Where(l => l.EventId.Name == "AlertLevelChanged").ToList();
        Assert.Equal(result.Changed, changes.Count);
        var change = Assert.Single(changes);
        Assert.Equal(dossier.Code, change.Properties["DossierCode"]);
        Assert.Equal(AlertLevel.Overdue, change.Properties["ToLevel"]);
        Assert.Equal(LogLevel.Debug, change.Level);
    }
}

public sealed class SqliteDossierLoggingTests() : DossierLoggingTests(DatabaseProvider.Sqlite);

public sealed class PostgresDossierLoggingTests() : DossierLoggingTests(DatabaseProvider.Postgres);
