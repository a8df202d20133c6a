using Microsoft.EntityFrameworkCore;
using PublicService.Domain;
using PublicService.Domain.Catalog;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Staff;
using PublicService.Tests.Support;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Persistence.Staff;

/// <summary>Agency scoping on a real SQLite file: what a scoped officer sees, and what the workflow lets them do.</summary>
public abstract class StaffScopeTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Dossier _justiceDossier = null!;
    private Dossier _landDossier = null!;
    private int _justiceId;
    private int _landOfficeId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using (var db = _database.Open())
        {
            await DemoCatalog.Build().AddToAsync(db, CancellationToken.None);
            var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id);
            _justiceId = agencies["000.00.15.H48"];
            _landOfficeId = agencies["000.01.20.H48"];
        }
        _justiceDossier = await ReceiveAsync(_justiceId);
        _landDossier = await ReceiveAsync(_landOfficeId);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DossierWorkflow Workflow => new(_database.Factory, _database.Calendars, _database.Clock);

    private async Task<Dossier> ReceiveAsync(int agencyId)
    {
        await using var db = _database.Open();
        var version = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.ImplementingAgencyId == agencyId && v.Status == VersionStatus.Published).OrderBy(v => v.Id).FirstAsync();
        var @case = version.Cases[0];
        var command = new ReceiveDossierCommand(version.ProcedureId, @case.Code, @case.Channels[0].Channel, agencyId,
            TestCalendar.Applicant(), @case.Documents.Select(d => d.Name).ToList());
        return await new DossierReception(_database.Factory, _database.Calendars, _database.Clock).ReceiveAsync(command, "tiepnhan");
    }

    private StaffScope Officer(params int[] agencies) => StaffScope.Of("officer", [StaffRoles.ProcessingOfficer], agencies);

    [Fact]
    public async Task VisibleTo_ProcessingOfficer_SeesOnlyDossiersOfTheirAgencies()
    {
        await using var db = _database.Open();

        var codes = await db.Dossiers.VisibleTo(Officer(_justiceId)).Select(d => d.Code).ToListAsync();

        Assert.Equal([_justiceDossier.Code], codes);
    }

    [Fact]
    public async Task VisibleTo_SupervisorOfTwoAgencies_SeesBoth()
    {
        await using var db = _database.Open();
        var scope = StaffScope.Of("giamsat", [StaffRoles.Supervisor], [_justiceId, _landOfficeId]);

        var codes = await db.Dossiers.VisibleTo(scope).Select(d => d.Code).ToListAsync();

        Assert.Equal([_justiceDossier.Code, _landDossier.Code], codes.Order());
    }

    [Theory]
    [InlineData(StaffRoles.Administrator)]
    [InlineData(StaffRoles.ReceptionOfficer)]
    public async Task VisibleTo_CentreWideRole_SeesEverything(string role)
    {
        await using var db = _database.Open();

        var count = await db.Dossiers.VisibleTo(StaffScope.Of("u", [role], [])).CountAsync();

        Assert.Equal(2, count);
    }

    [Fact]
    public async Task VisibleTo_OfficerWithoutAgencies_SeesNothing()
    {
        await using var db = _database.Open();

        Assert.Equal(0, await db.Dossiers.VisibleTo(Officer()).CountAsync());
    }

    [Fact]
    public async Task Workflow_DossierOutsideTheActorsAgencies_IsRefusedAndChangesNothing()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            Workflow.For(Officer(_justiceId)).StartProcessingAsync(_landDossier.Id, _landDossier.RowVersion, "Phạm Văn Dũng", null));

        Assert.Equal("dossier.scope.outside", refusal.Error.Code);
        Assert.Contains(_landDossier.Code, refusal.Message);
        await using var db = _database.Open();
        var stored = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == _landDossier.Id);
        Assert.Equal(_landDossier.RowVersion, stored.RowVersion);
        Assert.Equal(DossierStatus.Received, stored.Status);
    }

    [Fact]
    public async Task Workflow_DossierOfTheActorsAgency_IsActedOn()
    {
        var started = await Workflow.StartProcessingAsync(_justiceDossier.Id, _justiceDossier.RowVersion, "tiepnhan", null);

        var waiting = await Workflow.For(Officer(_justiceId))
            .AwaitPaymentAsync(started.Id, started.RowVersion, "Phạm Văn Dũng", "Lệ phí cấp phiếu");

        Assert.Equal(DossierStatus.AwaitingPayment, waiting.Status);
    }

    [Fact]
    public async Task Workflow_WithoutScope_ActsForTheSystemAsBefore()
    {
        var started = await Workflow.StartProcessingAsync(_landDossier.Id, _landDossier.RowVersion, "system", null);

        Assert.Equal(DossierStatus.InProcess, started.Status);
    }

    [Fact]
    public async Task Cancel_ByAnOfficerOfTheAgency_IsRefusedByTheRoleRule()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Workflow.For(Officer(_justiceId))
            .CancelAsync(_justiceDossier.Id, _justiceDossier.RowVersion, "Phạm Văn Dũng", "Nhập nhầm"));

        Assert.Equal("dossier.role.not-allowed", refusal.Error.Code);
        Assert.Contains("quản trị hệ thống", refusal.Message);
    }

    [Fact]
    public async Task Cancel_ByAnAdministrator_Cancels()
    {
        var cancelled = await Workflow.For(StaffScope.Of("admin", [StaffRoles.Administrator], []))
            .CancelAsync(_justiceDossier.Id, _justiceDossier.RowVersion, "Nguyễn Văn An", "Nhập nhầm");

        Assert.Equal(DossierStatus.Cancelled, cancelled.Status);
    }
}

public sealed class SqliteStaffScopeTests() : StaffScopeTests(DatabaseProvider.Sqlite);

public sealed class PostgresStaffScopeTests() : StaffScopeTests(DatabaseProvider.Postgres);
