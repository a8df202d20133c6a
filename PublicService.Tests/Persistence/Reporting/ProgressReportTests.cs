using Microsoft.EntityFrameworkCore;
using PublicService.Domain;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Reporting;
using PublicService.Domain.Staff;
using PublicService.Tests.Support;
using static PublicService.Tests.Support.TestCalendar;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Persistence.Reporting;

/// <summary>
/// The progress report on a hand-computed fixture: March 2026 (Mon 02/03 … Tue 31/03), 20 dossiers placed across
/// the period's edges, each channel, the early/on-time/late edges at the due instant and on the due date, pauses
/// before, inside and across the period's end. Every expected cell below is counted by hand from the list in
/// <see cref="FixtureAsync"/> (the comment beside each dossier says where it lands).
/// </summary>
public abstract class ProgressReportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly ReportPeriod March = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));
    private static readonly DateTime AfterThePeriod = Vn(2026, 4, 10, 10);

    private TestDatabase _database = null!;
    private int _a;
    private int _b;
    private int _procedureA;
    private int _procedureB;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await FixtureAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<ProgressReport> LoadAsync(ReportGrouping grouping, StaffScope? scope = null, DateTime? now = null, ReportPeriod? period = null, int? agencyId = null)
    {
        await using var db = _database.Open();
        return await ProgressReport.LoadAsync(db, new ProgressReportQuery(period ?? March, grouping, agencyId), now ?? AfterThePeriod, scope ?? StaffScope.System);
    }

    private static ProgressFigures F(
        int carried = 0, int inPerson = 0, int online = 0, int post = 0, int early = 0, int onTime = 0, int late = 0,
        int withdrawn = 0, int within = 0, int overdue = 0, int supplement = 0, int payment = 0) =>
        new(carried, inPerson, online, post, early, onTime, late, withdrawn, within, overdue, supplement, payment);

    // Agency A (Sở Tư pháp): D1, D3, D4–D13, D16, D18, D19. D20 was received by A but is at B's step at the end.
    private static readonly ProgressFigures AgencyA = F(carried: 4, inPerson: 5, online: 4, post: 2, early: 1, onTime: 5, late: 2,
        withdrawn: 1, within: 2, overdue: 2, supplement: 1, payment: 1);
    // Agency B: D17 (early) and D20 (interconnected, at B's step, overdue).
    private static readonly ProgressFigures AgencyB = F(inPerson: 2, early: 1, overdue: 1);

    [Fact]
    public async Task ByAgency_EveryCellMatchesTheHandCount()
    {
        var report = await LoadAsync(ReportGrouping.Agency);

        Assert.Equal(new[] { _a.ToString(), _b.ToString() }.Order(), report.Rows.Select(r => r.Key).Order());
        Assert.Equal(AgencyA, report.Rows.Single(r => r.Key == _a.ToString()).Figures);
        Assert.Equal(AgencyB, report.Rows.Single(r => r.Key == _b.ToString()).Figures);
        Assert.Equal(AgencyA + AgencyB, report.Total);
        Assert.Equal(0.75, report.Rows.Single(r => r.Key == _a.ToString()).Figures.OnTimeRate);
        Assert.Equal(1.0, report.Rows.Single(r => r.Key == _b.ToString()).Figures.OnTimeRate);
        Assert.Equal(7d / 9, report.Total.OnTimeRate!.Value, 10);
        Assert.Equal(March.EndUtc, report.AsOfUtc);
    }

    [Fact]
    public async Task Figures_Balance_ReceivedEqualsFinishedWithdrawnInProgressAndPaused()
    {
        var report = await LoadAsync(ReportGrouping.Agency);

        Assert.All(report.Rows.Select(r => r.Figures).Append(report.Total), f =>
            Assert.Equal(f.Received, f.Finished + f.Withdrawn + f.InProgress + f.Paused));
        Assert.Equal(17, report.Total.Received);
        Assert.Equal(13, report.Total.New);
    }

    [Fact]
    public async Task ByOfficer_LatestProcessingActorCountsTheDossier_UnassignedLast()
    {
        var report = await LoadAsync(ReportGrouping.Officer);

        Assert.Equal(["Trần Thị An", "xuly.b", "xuly.c", null], report.Rows.Select(r => r.Name));
        Assert.Equal(F(carried: 1, inPerson: 5, online: 1, post: 1, early: 1, onTime: 4, within: 1, overdue: 2), report.Rows[0].Figures);
        Assert.Equal("xuly.a", report.Rows[0].Key);
        Assert.Equal(F(carried: 1, inPerson: 1, online: 2, post: 1, onTime: 1, late: 2, supplement: 1, payment: 1), report.Rows[1].Figures);
        Assert.Equal(1d / 3, report.Rows[1].Figures.OnTimeRate!.Value, 10);
        Assert.Equal(F(inPerson: 1, early: 1), report.Rows[2].Figures);
        Assert.Equal(F(carried: 2, online: 1, withdrawn: 1, within: 1, overdue: 1), report.Rows[3].Figures);
        Assert.Null(report.Rows[3].Figures.OnTimeRate);
        Assert.Equal(AgencyA + AgencyB, report.Total);
    }

    [Fact]
    public async Task ByProcedureAndByField_SameTotals()
    {
        var byProcedure = await LoadAsync(ReportGrouping.Procedure);
        var byField = await LoadAsync(ReportGrouping.Field);

        Assert.Equal(AgencyA + AgencyB, byProcedure.Total);
        Assert.Equal(AgencyA + AgencyB, byField.Total);
        // D20 is a procedure-A dossier at B's step: procedure A holds everything but D17.
        Assert.Equal(AgencyA + F(inPerson: 1, overdue: 1), byProcedure.Rows.Single(r => r.Key == _procedureA.ToString()).Figures);
        Assert.Equal(F(inPerson: 1, early: 1), byProcedure.Rows.Single(r => r.Key == _procedureB.ToString()).Figures);
        Assert.All(byProcedure.Rows, r => Assert.False(string.IsNullOrEmpty(r.Code)));
    }

    [Fact]
    public async Task CurrentPeriod_OverdueIsJudgedAtNow_NotAtThePeriodEnd()
    {
        // At 12:00 on 26/03 D19 (due 17:00 that day) is still within time; D3 and D20 are already overdue.
        var report = await LoadAsync(ReportGrouping.Agency, now: Vn(2026, 3, 26, 12));

        Assert.Equal(Vn(2026, 3, 26, 12), report.AsOfUtc);
        Assert.Equal(2, report.Total.InProgressOverdue);
        Assert.Equal(3, report.Total.InProgressWithinTime);
    }

    [Fact]
    public async Task Trend_CountsNewAndFinishedPerVietnamMonth_OverTwelveMonths()
    {
        var report = await LoadAsync(ReportGrouping.Agency);

        Assert.Equal(12, report.Trend.Count);
        Assert.Equal("04/2025", report.Trend[0].Label);
        var february = report.Trend[^2];
        var march = report.Trend[^1];
        Assert.Equal(("02/2026", 5, 1, 1, 0), (february.Label, february.Received, february.Finished, february.FinishedInTime, february.FinishedLate));
        Assert.Equal(("03/2026", 13, 9, 7, 2), (march.Label, march.Received, march.Finished, march.FinishedInTime, march.FinishedLate));
        Assert.Equal(7d / 9, march.OnTimeRate!.Value, 10);
        Assert.All(report.Trend.Take(10), m => Assert.Equal((0, 0, null), (m.Received, m.Finished, m.OnTimeRate)));
    }

    [Fact]
    public async Task SupervisorOfAgencyA_NeverCountsAgencyB_EvenForADossierAReceived()
    {
        var supervisorA = StaffScope.Of("giamsat.a", [StaffRoles.Supervisor], [_a]);

        var report = await LoadAsync(ReportGrouping.Agency, supervisorA);
        var byOfficer = await LoadAsync(ReportGrouping.Officer, supervisorA);

        Assert.Equal([_a.ToString()], report.Rows.Select(r => r.Key));
        Assert.Equal(AgencyA, report.Total);
        Assert.Equal(AgencyA, byOfficer.Total);
        Assert.DoesNotContain(byOfficer.Rows, r => r.Key == "xuly.c");
        Assert.Equal([_a], report.Agencies.Select(a => a.Id));
        Assert.Equal(11, report.Trend[^1].Received);
    }

    [Fact]
    public async Task SupervisorOfAgencyB_SeesOnlyB_EvenWhenFilteringForA()
    {
        var supervisorB = StaffScope.Of("giamsat.b", [StaffRoles.Supervisor], [_b]);

        var report = await LoadAsync(ReportGrouping.Agency, supervisorB);
        var askingForA = await LoadAsync(ReportGrouping.Agency, supervisorB, agencyId: _a);

        Assert.Equal([_b.ToString()], report.Rows.Select(r => r.Key));
        Assert.Equal(AgencyB, report.Total);
        Assert.Empty(askingForA.Rows);
        Assert.Equal(ProgressFigures.Zero, askingForA.Total);
    }

    [Fact]
    public async Task AgencyFilter_NarrowsToThatAgency()
    {
        var report = await LoadAsync(ReportGrouping.Field, agencyId: _b);

        Assert.Equal(AgencyB, report.Total);
    }

    [Fact]
    public void Period_Reversed_IsRefusedNamingTheEndDate()
    {
        var e = Assert.Throws<DomainException>(() => new ReportPeriod(new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 1)));

        Assert.Equal("report.period.reversed", e.Error.Code);
        Assert.Equal("To", e.Error.Field);
        Assert.Contains("01/03/2026", e.Error.Message);
    }

    [Theory]
    [InlineData(ReportPeriodPreset.ThisMonth, "2026-05-01", "2026-05-31")]
    [InlineData(ReportPeriodPreset.LastMonth, "2026-04-01", "2026-04-30")]
    [InlineData(ReportPeriodPreset.ThisQuarter, "2026-04-01", "2026-06-30")]
    [InlineData(ReportPeriodPreset.ThisYear, "2026-01-01", "2026-12-31")]
    public void Presets_AroundMidMay(ReportPeriodPreset preset, string from, string to)
    {
        var period = ReportPeriod.Of(preset, new DateOnly(2026, 5, 17));

        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), (period.From, period.To));
    }

    [Fact]
    public void Period_BoundsAreVietnamMidnights()
    {
        Assert.Equal(new DateTime(2026, 2, 28, 17, 0, 0, DateTimeKind.Utc), March.StartUtc);
        Assert.Equal(new DateTime(2026, 3, 31, 17, 0, 0, DateTimeKind.Utc), March.EndUtc);
    }

    /// <summary>
    /// Procedures of 3 working days (due at 17:00 of the 3rd working day after the counting day; received at or
    /// after 15:00 counts from the next working day). The list: where each dossier lands in March.
    /// </summary>
    private async Task FixtureAsync()
    {
        await using var db = _database.Open();
        await DemoCatalog.Build().AddToAsync(db, CancellationToken.None);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id);
        _a = agencies["000.00.15.H48"];
        _b = agencies["000.01.20.H48"];
        var versionA = await db.ProcedureVersions.AsNoTracking().Where(v => v.ImplementingAgencyId == _a && v.Status == VersionStatus.Published).OrderBy(v => v.Id).FirstAsync();
        var versionB = await db.ProcedureVersions.AsNoTracking().Where(v => v.ImplementingAgencyId == _b && v.Status == VersionStatus.Published).OrderBy(v => v.Id).FirstAsync();
        Assert.NotEqual(versionA.FieldId, versionB.FieldId);
        _procedureA = versionA.ProcedureId;
        _procedureB = versionB.ProcedureId;
        db.Users.Add(new StaffUser("xuly.a", "xuly.a@h48.test", "Trần Thị An"));

        var number = 0;
        Dossier Receive(DateTime at, Channel channel, int days = 3, ProcessingTerms? terms = null, bool b = false) =>
            Dossier.Receive($"T-{++number:D4}", b ? _procedureB : _procedureA, b ? versionB.Id : versionA.Id, "default", channel, b ? _b : _a,
                Applicant(), terms ?? OneStopAt(b ? _b : _a, days), ["Tờ khai"], at, "tiepnhan", Context);
        var dossiers = new List<Dossier>();
        Dossier Add(Dossier d, DateTime expectedDue)
        {
            Assert.Equal(expectedDue, d.DueAtUtc);
            dossiers.Add(d);
            return d;
        }

        // D1 carried over, finished on time (16:00 on its due day).
        var d1 = Receive(Vn(2026, 2, 25, 9), Channel.InPerson);
        d1.StartProcessing(Vn(2026, 2, 25, 10), "tiepnhan", null, Context);
        d1.RecordResult(Vn(2026, 3, 2, 16), "xuly.a", null, Context);
        Add(d1, Vn(2026, 3, 2, 17));
        // D2 finished before the period: counted nowhere in March (February's trend: received, finished in time).
        var d2 = Receive(Vn(2026, 2, 25, 9, 30), Channel.Online);
        d2.StartProcessing(Vn(2026, 2, 25, 10), "tiepnhan", null, Context);
        d2.RecordResult(Vn(2026, 2, 27, 10), "xuly.a", null, Context);
        Add(d2, Vn(2026, 3, 2, 17));
        // D3 carried over, never reached an officer, overdue at the end.
        var d3 = Receive(Vn(2026, 2, 26, 9), Channel.InPerson);
        d3.StartProcessing(Vn(2026, 2, 26, 10), "tiepnhan", null, Context);
        Add(d3, Vn(2026, 3, 3, 17));
        // D4 new in person, early (the day before its due date).
        var d4 = Receive(Vn(2026, 3, 2, 9), Channel.InPerson);
        d4.StartProcessing(Vn(2026, 3, 2, 9, 30), "tiepnhan", null, Context);
        d4.RecordResult(Vn(2026, 3, 4, 10), "xuly.a", null, Context);
        Add(d4, Vn(2026, 3, 5, 17));
        // D5 new online, finished exactly at the due instant: on time.
        var d5 = Receive(Vn(2026, 3, 2, 10), Channel.Online);
        d5.StartProcessing(Vn(2026, 3, 2, 10, 30), "tiepnhan", null, Context);
        d5.RecordResult(Vn(2026, 3, 5, 17), "xuly.b", null, Context);
        Add(d5, Vn(2026, 3, 5, 17));
        // D6 new by post, finished 30 minutes after the due instant but on the due date: on time (date rule).
        var d6 = Receive(Vn(2026, 3, 2, 11), Channel.Post);
        d6.StartProcessing(Vn(2026, 3, 2, 11, 15), "tiepnhan", null, Context);
        d6.RecordResult(Vn(2026, 3, 5, 17, 30), "xuly.a", null, Context);
        Add(d6, Vn(2026, 3, 5, 17));
        // D7 new in person, finished at 00:00 the day after its due date: late.
        var d7 = Receive(Vn(2026, 3, 2, 14), Channel.InPerson);
        d7.StartProcessing(Vn(2026, 3, 2, 14, 30), "tiepnhan", null, Context);
        d7.RecordResult(Vn(2026, 3, 6, 0), "xuly.b", null, Context);
        Add(d7, Vn(2026, 3, 5, 17));
        // D8 new online after the 15:00 cut-off: counts from Tuesday, due Friday; finished Friday morning: on time.
        var d8 = Receive(Vn(2026, 3, 2, 15, 30), Channel.Online);
        d8.StartProcessing(Vn(2026, 3, 3, 8), "tiepnhan", null, Context);
        d8.RecordResult(Vn(2026, 3, 6, 9), "xuly.a", null, Context);
        Add(d8, Vn(2026, 3, 6, 17));
        // D9 new in person; a one-working-day supplement pause moves the due date 12/03 → 13/03; finished 13/03: on time.
        var d9 = Receive(Vn(2026, 3, 9, 9), Channel.InPerson);
        d9.StartProcessing(Vn(2026, 3, 9, 9, 30), "tiepnhan", null, Context);
        Assert.Equal(Vn(2026, 3, 12, 17), d9.DueAtUtc);
        d9.RequestSupplement(Vn(2026, 3, 10, 9), "xuly.b", "Thiếu giấy tờ", new DateOnly(2026, 3, 20), ["Bản sao"], Context);
        d9.ReceiveSupplement(Vn(2026, 3, 11, 9), "tiepnhan", null, Context);
        d9.RecordResult(Vn(2026, 3, 13, 10), "xuly.a", null, Context);
        Add(d9, Vn(2026, 3, 13, 17));
        // D10 new by post, waiting for a supplement at the end.
        var d10 = Receive(Vn(2026, 3, 16, 9), Channel.Post);
        d10.StartProcessing(Vn(2026, 3, 16, 9, 30), "tiepnhan", null, Context);
        d10.RequestSupplement(Vn(2026, 3, 17, 9), "xuly.b", "Thiếu giấy tờ", new DateOnly(2026, 3, 27), ["Bản sao"], Context);
        Add(d10, Vn(2026, 3, 19, 17));
        // D11 new online, waiting for a fee at the end; paid on 02/04 (after the period), then its officer is xuly.b.
        var d11 = Receive(Vn(2026, 3, 23, 9), Channel.Online);
        d11.StartProcessing(Vn(2026, 3, 23, 9, 30), "tiepnhan", null, Context);
        d11.AwaitPayment(Vn(2026, 3, 24, 9), "xuly.a", "Lệ phí", Context);
        d11.ConfirmPayment(Vn(2026, 4, 2, 9), "xuly.b", null, Context);
        dossiers.Add(d11);
        // D12 new in person, paused for a fee and resumed within the period; open and within time at the end.
        var d12 = Receive(Vn(2026, 3, 30, 9), Channel.InPerson);
        d12.StartProcessing(Vn(2026, 3, 30, 9, 30), "tiepnhan", null, Context);
        d12.AwaitPayment(Vn(2026, 3, 30, 10), "xuly.a", "Lệ phí", Context);
        d12.ConfirmPayment(Vn(2026, 3, 30, 14), "xuly.a", null, Context);
        Add(d12, Vn(2026, 4, 3, 9));
        // D13 new online, withdrawn in the period.
        var d13 = Receive(Vn(2026, 3, 10, 9), Channel.Online);
        d13.Withdraw(Vn(2026, 3, 11, 10), "tiepnhan", "Công dân rút", Context);
        dossiers.Add(d13);
        // D14 received in the period and cancelled (entered in error): counted nowhere.
        var d14 = Receive(Vn(2026, 3, 10, 10), Channel.InPerson);
        d14.Cancel(Vn(2026, 3, 10, 11), "quantri", "Nhập nhầm", Context);
        dossiers.Add(d14);
        // D15 received after the period: counted nowhere.
        dossiers.Add(Receive(Vn(2026, 4, 1, 9), Channel.InPerson));
        // D16 carried over, refused (processing stopped) after its due date: late.
        var d16 = Receive(Vn(2026, 2, 27, 9), Channel.InPerson);
        d16.StartProcessing(Vn(2026, 2, 27, 9, 30), "tiepnhan", null, Context);
        d16.Stop(Vn(2026, 3, 9, 9), "xuly.b", "Không đủ điều kiện", Context);
        Add(d16, Vn(2026, 3, 4, 17));
        // D17 agency B, new in person, early.
        var d17 = Receive(Vn(2026, 3, 2, 9), Channel.InPerson, b: true);
        d17.StartProcessing(Vn(2026, 3, 2, 9, 30), "tiepnhan", null, Context);
        d17.RecordResult(Vn(2026, 3, 3, 9), "xuly.c", null, Context);
        Add(d17, Vn(2026, 3, 5, 17));
        // D18 carried over, 30 working days: within time at the end, no officer yet.
        var d18 = Receive(Vn(2026, 2, 27, 9), Channel.Online, days: 30);
        d18.StartProcessing(Vn(2026, 2, 27, 9, 30), "tiepnhan", null, Context);
        Assert.True(d18.DueAtUtc > March.EndUtc);
        dossiers.Add(d18);
        // D19 new in person, overdue at the end although an apology promised a new date (it does not excuse lateness).
        var d19 = Receive(Vn(2026, 3, 23, 10), Channel.InPerson);
        d19.StartProcessing(Vn(2026, 3, 23, 10, 30), "tiepnhan", null, Context);
        d19.IssueApology(Vn(2026, 3, 25, 9), "xuly.a", "Cần xác minh", Vn(2026, 3, 31, 17), Context);
        Add(d19, Vn(2026, 3, 26, 17));
        // D20 received by A, interconnected A (2 days) then B (3 days); at B's step and overdue at the end: B's figure.
        var interconnected = new ProcessingTerms(new ProcessingTime(5, TimeUnit.WorkingDays),
            [new ProcessingStepTerm(1, "Thẩm định", _a, new ProcessingTime(2, TimeUnit.WorkingDays)),
             new ProcessingStepTerm(2, "Quyết định", _b, new ProcessingTime(3, TimeUnit.WorkingDays))],
            SupplementClockMode.Pause, null);
        var d20 = Receive(Vn(2026, 3, 16, 9), Channel.InPerson, terms: interconnected);
        d20.StartProcessing(Vn(2026, 3, 16, 9, 30), "tiepnhan", null, Context);
        d20.TransferToNextStep(Vn(2026, 3, 17, 9), "xuly.a", null, Context);
        Add(d20, Vn(2026, 3, 23, 17));

        db.Dossiers.AddRange(dossiers);
        await db.SaveChangesAsync();
    }

    private static ProcessingTerms OneStopAt(int agencyId, int days) =>
        new(new ProcessingTime(days, TimeUnit.WorkingDays), [new ProcessingStepTerm(1, "Giải quyết", agencyId, new ProcessingTime(days, TimeUnit.WorkingDays))],
            SupplementClockMode.Pause, null);
}

public sealed class SqliteProgressReportTests() : ProgressReportTests(DatabaseProvider.Sqlite);

public sealed class PostgresProgressReportTests() : ProgressReportTests(DatabaseProvider.Postgres);
