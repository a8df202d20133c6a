using Microsoft.EntityFrameworkCore;
using PublicService.Domain;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Staff;
using PublicService.Tests.Support;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Persistence.Staff;

/// <summary>
/// Every role × every dossier action through the workflow acting for that role (<c>workflow.For(scope)</c>), on a
/// dossier of the actor's agency in a status where the action is allowed: the roles DOMAIN.md gives act, the others
/// are refused with <c>dossier.role.not-allowed</c> and the dossier is left exactly as it was.
/// </summary>
public abstract class DossierActionRolesTests(DossierActionRolesTests.Fixture fixture)
{
    /// <summary>The expected rule, written out independently of the Domain's table.</summary>
    private static readonly Dictionary<string, DossierAction[]> Expected = new()
    {
        [StaffRoles.Administrator] = Enum.GetValues<DossierAction>(),
        [StaffRoles.ReceptionOfficer] = [DossierAction.StartProcessing, DossierAction.ReceiveSupplement, DossierAction.ReturnResult, DossierAction.Withdraw],
        [StaffRoles.ProcessingOfficer] =
        [
            DossierAction.TransferToNextStep, DossierAction.RequestSupplement, DossierAction.ReceiveSupplement, DossierAction.AwaitPayment,
            DossierAction.ConfirmPayment, DossierAction.RecordResult, DossierAction.Stop, DossierAction.IssueApology,
        ],
        [StaffRoles.Supervisor] = [],
        [StaffRoles.CatalogEditor] = [],
    };

    public static TheoryData<string, DossierAction> RoleActions()
    {
        var data = new TheoryData<string, DossierAction>();
        foreach (var role in StaffRoles.All)
            foreach (var action in Enum.GetValues<DossierAction>())
                data.Add(role, action);
        return data;
    }

    [Fact]
    public void Table_MatchesTheExpectedRuleForEveryRole()
    {
        foreach (var role in StaffRoles.All)
            Assert.Equal(Expected[role].Order(), DossierActionRoles.ActionsOf(StaffScope.Of("u", [role], [])).Order());
    }

    [Theory]
    [MemberData(nameof(RoleActions))]
    public async Task Action_ByRole_IsTakenOrRefusedLeavingTheDossierUnchanged(string role, DossierAction action)
    {
        var dossier = await fixture.DossierReadyForAsync(action);
        // The actor's own agency, so that only the role decides.
        var scope = StaffScope.Of("u", [role], [dossier.ReceivingAgencyId, dossier.CurrentAgencyId ?? dossier.ReceivingAgencyId]);
        var workflow = fixture.Workflow.For(scope);

        if (Expected[role].Contains(action) && action == DossierAction.TransferToNextStep)
        {
            // A single-step dossier has no next step: the role passes, the transition rule then refuses.
            var transfer = await Assert.ThrowsAsync<DomainException>(() => Fixture.TakeAsync(workflow, action, dossier));
            Assert.NotEqual("dossier.role.not-allowed", transfer.Error.Code);
            return;
        }
        if (Expected[role].Contains(action))
        {
            var acted = await Fixture.TakeAsync(workflow, action, dossier);
            Assert.Equal(DossierTransitions.Target(action, dossier.Status), acted.Status);
            Assert.True(acted.RowVersion > dossier.RowVersion);
            return;
        }

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Fixture.TakeAsync(workflow, action, dossier));
        Assert.Equal("dossier.role.not-allowed", refusal.Error.Code);
        Assert.Contains(dossier.Code, refusal.Message);
        await using var db = fixture.Database.Open();
        var stored = await db.Dossiers.AsNoTracking().Include(d => d.Events).SingleAsync(d => d.Id == dossier.Id);
        Assert.Equal(dossier.RowVersion, stored.RowVersion);
        Assert.Equal(dossier.Status, stored.Status);
        Assert.Equal(dossier.LastEventSequence, stored.Events.Max(e => e.Sequence));
        Assert.Equal(dossier.DueAtUtc, stored.DueAtUtc);
    }

    /// <summary>One database with the demo catalog; each case receives its own dossier and brings it to the status it needs.</summary>
    public abstract class Fixture(DatabaseProvider provider) : IAsyncLifetime
    {
        public TestDatabase Database { get; private set; } = null!;
        public DossierWorkflow Workflow => new(Database.Factory, Database.Calendars, Database.Clock);
        private int _agencyId;
        private readonly SemaphoreSlim _receiving = new(1, 1);

        public async Task InitializeAsync()
        {
            Database = await TestDatabase.CreateAsync(provider);
            await using var db = Database.Open();
            await DemoCatalog.Build().AddToAsync(db, CancellationToken.None);
            _agencyId = (await db.Agencies.AsNoTracking().SingleAsync(a => a.Code == "000.00.15.H48")).Id;
        }

        public async Task DisposeAsync() => await Database.DisposeAsync();

        /// <summary>A new single-step dossier, moved by the system to a status from which <paramref name="action"/> is allowed.</summary>
        public async Task<Dossier> DossierReadyForAsync(DossierAction action)
        {
            await _receiving.WaitAsync();
            try
            {
                await using var db = Database.Open();
                var version = await db.ProcedureVersions.AsNoTracking()
                    .Where(v => v.ImplementingAgencyId == _agencyId && v.Status == VersionStatus.Published).OrderBy(v => v.Id).FirstAsync();
                var @case = version.Cases[0];
                var command = new ReceiveDossierCommand(version.ProcedureId, @case.Code, @case.Channels[0].Channel, _agencyId,
                    TestCalendar.Applicant(), @case.Documents.Select(d => d.Name).ToList());
                var dossier = await new DossierReception(Database.Factory, Database.Calendars, Database.Clock).ReceiveAsync(command, "tiepnhan");
                var system = Workflow;
                if (action is DossierAction.StartProcessing or DossierAction.Withdraw or DossierAction.IssueApology or DossierAction.Cancel)
                    return dossier;
                dossier = await system.StartProcessingAsync(dossier.Id, dossier.RowVersion, "tiepnhan", null);
                return action switch
                {
                    DossierAction.ReceiveSupplement => await system.RequestSupplementAsync(dossier.Id, dossier.RowVersion, "xuly", "Thiếu giấy tờ",
                        VietnamTime.DateOf(Database.Clock.GetUtcNow().UtcDateTime).AddDays(10), ["Bản sao"]),
                    DossierAction.ConfirmPayment => await system.AwaitPaymentAsync(dossier.Id, dossier.RowVersion, "xuly", "Lệ phí"),
                    DossierAction.ReturnResult => await system.RecordResultAsync(dossier.Id, dossier.RowVersion, "xuly", null),
                    _ => dossier,
                };
            }
            finally
            {
                _receiving.Release();
            }
        }

        public static Task<Dossier> TakeAsync(DossierWorkflow workflow, DossierAction action, Dossier d) => action switch
        {
            DossierAction.StartProcessing => workflow.StartProcessingAsync(d.Id, d.RowVersion, "actor", null),
            DossierAction.TransferToNextStep => workflow.TransferToNextStepAsync(d.Id, d.RowVersion, "actor", null),
            DossierAction.RequestSupplement => workflow.RequestSupplementAsync(d.Id, d.RowVersion, "actor", "Thiếu giấy tờ",
                VietnamTime.DateOf(d.LastChangedAtUtc).AddDays(10), ["Bản sao"]),
            DossierAction.ReceiveSupplement => workflow.ReceiveSupplementAsync(d.Id, d.RowVersion, "actor", null),
            DossierAction.AwaitPayment => workflow.AwaitPaymentAsync(d.Id, d.RowVersion, "actor", "Lệ phí"),
            DossierAction.ConfirmPayment => workflow.ConfirmPaymentAsync(d.Id, d.RowVersion, "actor", null),
            DossierAction.RecordResult => workflow.RecordResultAsync(d.Id, d.RowVersion, "actor", null),
            DossierAction.ReturnResult => workflow.ReturnResultAsync(d.Id, d.RowVersion, "actor", null),
            DossierAction.Stop => workflow.StopAsync(d.Id, d.RowVersion, "actor", "Không đủ điều kiện"),
            DossierAction.Withdraw => workflow.WithdrawAsync(d.Id, d.RowVersion, "actor", "Công dân rút"),
            DossierAction.IssueApology => workflow.IssueApologyAsync(d.Id, d.RowVersion, "actor", "Cần xác minh", d.DueAtUtc.AddDays(2)),
            DossierAction.Cancel => workflow.CancelAsync(d.Id, d.RowVersion, "actor", "Nhập nhầm"),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }
}

public sealed class SqliteDossierActionRolesTests(SqliteDossierActionRolesTests.SqliteFixture fixture)
    : DossierActionRolesTests(fixture), IClassFixture<SqliteDossierActionRolesTests.SqliteFixture>
{
    public sealed class SqliteFixture() : Fixture(DatabaseProvider.Sqlite);
}

public sealed class PostgresDossierActionRolesTests(PostgresDossierActionRolesTests.PostgresFixture fixture)
    : DossierActionRolesTests(fixture), IClassFixture<PostgresDossierActionRolesTests.PostgresFixture>
{
    public sealed class PostgresFixture() : Fixture(DatabaseProvider.Postgres);
}
