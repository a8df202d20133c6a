using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using static PublicService.Tests.Support.TestCalendar;

namespace PublicService.Tests.Domain.Monitoring;

/// <summary>
/// The current step's own alert level of an interconnected dossier. Terms 4 + 3 + 3 working days, received Mon
/// 02/03/2026 08:00: step 1 (agency 10) is due Fri 06/03 17:00, step 2 (agency 11) Wed 11/03 17:00, the dossier
/// Mon 16/03 17:00; with the default thresholds (≤ 1 working day left, or ≥ 75 % used) the dossier approaches
/// only on Thu 12/03.
/// </summary>
public sealed class StepAlertLevelTests
{
    private static Dossier Started()
    {
        var dossier = Receive(Interconnected(4, 3, 3), Vn(2026, 3, 2, 8));
        dossier.StartProcessing(Vn(2026, 3, 2, 8, 30), "tiepnhan", null, Context);
        return dossier;
    }

    /// <summary>What the scan does to one dossier at <paramref name="nowUtc"/>.</summary>
    private static bool Scan(Dossier dossier, DateTime nowUtc)
    {
        var changed = dossier.ChangeAlertLevel(nowUtc, dossier.LevelAt(nowUtc, Context), DeadlineScanner.Actor, Context);
        return dossier.ChangeStepAlertLevel(nowUtc, dossier.StepLevelAt(nowUtc, Context), DeadlineScanner.Actor, Context) | changed;
    }

    [Fact]
    public void Step1_NearItsOwnDeadline_ApproachesWhileTheDossierIsStillNormal()
    {
        var dossier = Started();
        Assert.Equal(Vn(2026, 3, 6, 17), dossier.StepDueAtUtc);
        Assert.True(dossier.HasOwnStepDeadline);

        Assert.False(Scan(dossier, Vn(2026, 3, 5, 10)));
        Assert.True(Scan(dossier, Vn(2026, 3, 5, 17, 30)));

        Assert.Equal((AlertLevel.Normal, AlertLevel.Approaching), (dossier.AlertLevel, dossier.StepAlertLevel));
        var e = dossier.Events[^1];
        Assert.Equal(DossierEventType.AlertChanged, e.Type);
        Assert.Equal((true, AlertLevel.Normal, AlertLevel.Approaching), (e.Data.Step, e.Data.FromLevel, e.Data.ToLevel));
        // The next rise is the step's "due today" at 00:00 of Fri 06/03, long before the dossier's own.
        Assert.Equal(Vn(2026, 3, 6), dossier.NextAlertAtUtc);

        Assert.True(Scan(dossier, Vn(2026, 3, 9, 8)));
        Assert.Equal((AlertLevel.Normal, AlertLevel.Overdue), (dossier.AlertLevel, dossier.StepAlertLevel));
    }

    [Fact]
    public void HandOver_ToTheNextAgency_StartsItsStepAtNormalWithItsOwnSchedule()
    {
        var dossier = Started();
        Scan(dossier, Vn(2026, 3, 6, 9));
        Assert.Equal(AlertLevel.DueToday, dossier.StepAlertLevel);

        dossier.TransferToNextStep(Vn(2026, 3, 6, 10), "xuly", null, Context);

        Assert.Equal((2, 11), (dossier.CurrentStep, dossier.CurrentAgencyId!.Value));
        Assert.Equal(Vn(2026, 3, 11, 17), dossier.StepDueAtUtc);
        Assert.Equal(AlertLevel.Normal, dossier.StepAlertLevel);
        Assert.Equal(DossierEventType.TransferredToNextStep, dossier.Events[^1].Type);
        // Step 2 allows 3 working days; one day left (the larger threshold) from Tue 10/03 17:00.
        Assert.Equal(Vn(2026, 3, 10, 17), dossier.NextAlertAtUtc);
        Assert.False(Scan(dossier, Vn(2026, 3, 10, 16, 59)));
        Assert.True(Scan(dossier, Vn(2026, 3, 10, 17)));
        Assert.Equal((AlertLevel.Normal, AlertLevel.Approaching), (dossier.AlertLevel, dossier.StepAlertLevel));
    }

    [Fact]
    public void HandOver_LateIntoAStepAlreadyApproaching_RecordsTheStepLevelAtOnce()
    {
        var dossier = Started();
        Scan(dossier, Vn(2026, 3, 10, 9));
        Assert.Equal(AlertLevel.Overdue, dossier.StepAlertLevel);

        dossier.TransferToNextStep(Vn(2026, 3, 10, 17, 30), "xuly", null, Context);

        var e = dossier.Events[^1];
        Assert.Equal(DossierEventType.AlertChanged, e.Type);
        Assert.Equal((true, AlertLevel.Normal, AlertLevel.Approaching), (e.Data.Step, e.Data.FromLevel, e.Data.ToLevel));
        Assert.Equal(AlertLevel.Approaching, dossier.StepAlertLevel);
        Assert.Equal(Dossier.Replay(dossier.Events, Context), dossier.Deadlines());
    }

    [Fact]
    public void LastStep_SharesTheDossiersDeadline_HasNoLevelOfItsOwn()
    {
        var dossier = Started();
        dossier.TransferToNextStep(Vn(2026, 3, 5, 9), "xuly", null, Context);
        dossier.TransferToNextStep(Vn(2026, 3, 9, 9), "xuly", null, Context);

        Assert.Equal(dossier.DueAtUtc, dossier.StepDueAtUtc);
        Assert.False(dossier.HasOwnStepDeadline);
        Assert.False(Scan(dossier, Vn(2026, 3, 11, 9)));
        Assert.Equal(AlertLevel.Normal, dossier.StepAlertLevel);
        Assert.True(Scan(dossier, Vn(2026, 3, 16, 9)));
        Assert.Equal((AlertLevel.DueToday, AlertLevel.Normal), (dossier.AlertLevel, dossier.StepAlertLevel));
    }

    [Fact]
    public void Paused_ForASupplement_TheStepDoesNotAdvanceAndResumesShifted()
    {
        var dossier = Started();
        dossier.RequestSupplement(Vn(2026, 3, 4, 9), "xuly", "Thiếu bản sao", new DateOnly(2026, 3, 20), [], Context);

        Assert.Null(dossier.NextAlertAtUtc);
        Assert.Equal(AlertLevel.Normal, dossier.StepLevelAt(Vn(2026, 3, 9, 9), Context));
        Assert.False(Scan(dossier, Vn(2026, 3, 9, 9)));
        Assert.Equal(AlertLevel.Normal, dossier.StepAlertLevel);

        // Paused Wed 09:00 → Fri 09:00: two working days; step 1 is now due Tue 10/03 17:00.
        dossier.ReceiveSupplement(Vn(2026, 3, 6, 9), "tiepnhan", null, Context);
        Assert.Equal(Vn(2026, 3, 10, 17), dossier.StepDueAtUtc);
        Assert.False(Scan(dossier, Vn(2026, 3, 9, 9)));
        Assert.True(Scan(dossier, Vn(2026, 3, 9, 17, 30)));
        Assert.Equal(AlertLevel.Approaching, dossier.StepAlertLevel);
    }

    [Fact]
    public void Scan_TwiceAtTheSameInstant_ChangesNothingTheSecondTime()
    {
        var dossier = Started();
        Assert.True(Scan(dossier, Vn(2026, 3, 6, 9)));
        var events = dossier.Events.Count;
        var state = dossier.Deadlines();

        Assert.False(Scan(dossier, Vn(2026, 3, 6, 9)));
        Assert.Equal(events, dossier.Events.Count);
        Assert.Equal(state, dossier.Deadlines());
        Assert.True(dossier.NextAlertAtUtc > Vn(2026, 3, 6, 9));
    }

    [Fact]
    public void Replay_AfterStepChangesAndAHandOver_EqualsTheLiveColumns()
    {
        var dossier = Started();
        Scan(dossier, Vn(2026, 3, 5, 17, 30));
        Scan(dossier, Vn(2026, 3, 9, 8));
        dossier.TransferToNextStep(Vn(2026, 3, 9, 9), "xuly", null, Context);
        Scan(dossier, Vn(2026, 3, 10, 17, 30));

        Assert.Equal(Dossier.Replay(dossier.Events, Context), dossier.Deadlines());
        Assert.False(dossier.RecomputeFromEvents(Context));
        Assert.Equal(AlertLevel.Approaching, Dossier.Replay(dossier.Events, Context).StepAlertLevel);
    }

    [Theory]
    [InlineData(2026, 3, 20, DossierStatus.AwaitingSupplement, false)]
    [InlineData(2026, 3, 21, DossierStatus.AwaitingSupplement, true)]
    public void SupplementOverdue_FromTheDayAfterTheDeadline(int year, int month, int day, DossierStatus status, bool expected)
    {
        var dossier = Started();
        dossier.RequestSupplement(Vn(2026, 3, 4, 9), "xuly", "Thiếu bản sao", new DateOnly(2026, 3, 20), [], Context);

        Assert.Equal(status, dossier.Status);
        Assert.Equal(expected, dossier.IsSupplementOverdueAt(Vn(year, month, day, 23, 59)));
        Assert.Equal(expected, dossier.IsSupplementOverdueAt(Vn(year, month, day, 0, 1)));
    }

    [Fact]
    public void SupplementOverdue_OnceTheSupplementIsIn_IsOver()
    {
        var dossier = Started();
        dossier.RequestSupplement(Vn(2026, 3, 4, 9), "xuly", "Thiếu bản sao", new DateOnly(2026, 3, 5), [], Context);
        Assert.True(dossier.IsSupplementOverdueAt(Vn(2026, 3, 9, 9)));

        dossier.ReceiveSupplement(Vn(2026, 3, 9, 10), "tiepnhan", null, Context);

        Assert.False(dossier.IsSupplementOverdueAt(Vn(2026, 3, 9, 11)));
    }
}
