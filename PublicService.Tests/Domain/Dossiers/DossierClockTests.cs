using PublicService.Domain;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using static PublicService.Tests.Support.TestCalendar;

namespace PublicService.Tests.Domain.Dossiers;

public sealed class DossierClockTests
{
    [Fact]
    public void Receive_ThreeWorkingDaysBeforeTet_IsDueAfterTheHoliday()
    {
        var dossier = Receive(OneStop(3), Vn(2026, 2, 11, 9));

        Assert.Equal(Vn(2026, 2, 23, 17), dossier.DueAtUtc);
        Assert.Equal(DossierStatus.Received, dossier.Status);
        Assert.Equal(AlertLevel.Normal, dossier.AlertLevel);
        Assert.NotNull(dossier.NextAlertAtUtc);
    }

    [Fact]
    public void SupplementInPauseMode_TwoWorkingDaysPaused_MovesDueByTwoWorkingDays()
    {
        var dossier = Receive(OneStop(5), Vn(2026, 3, 2, 8));
        Assert.Equal(Vn(2026, 3, 9, 17), dossier.DueAtUtc);
        dossier.StartProcessing(Vn(2026, 3, 2, 9), "xuly", null, Context);

        dossier.RequestSupplement(Vn(2026, 3, 3, 9), "xuly", "Thiếu bản sao", new DateOnly(2026, 3, 20), [], Context);
        Assert.Null(dossier.NextAlertAtUtc);
        Assert.Equal(Vn(2026, 3, 3, 9), dossier.PausedSinceUtc);

        dossier.ReceiveSupplement(Vn(2026, 3, 5, 9), "tiepnhan", null, Context);

        Assert.Equal(960, dossier.PausedWorkingMinutes);
        Assert.Equal(Vn(2026, 3, 11, 17), dossier.DueAtUtc);
        Assert.NotNull(dossier.NextAlertAtUtc);
        Assert.Equal(DossierStatus.InProcess, dossier.Status);
    }

    [Fact]
    public void SupplementInRestartMode_RestartsThePeriodFromTheCompleteSupplement()
    {
        var dossier = Receive(OneStop(5, mode: SupplementClockMode.Restart), Vn(2026, 3, 2, 8));
        dossier.StartProcessing(Vn(2026, 3, 2, 9), "xuly", null, Context);
        dossier.RequestSupplement(Vn(2026, 3, 3, 9), "xuly", "Thiếu bản sao", new DateOnly(2026, 3, 20), [], Context);

        dossier.ReceiveSupplement(Vn(2026, 3, 5, 9), "tiepnhan", null, Context);

        Assert.Equal(0, dossier.PausedWorkingMinutes);
        Assert.Equal(Vn(2026, 3, 5, 9), dossier.ClockStartUtc);
        Assert.Equal(Vn(2026, 3, 12, 17), dossier.DueAtUtc);
    }

    [Fact]
    public void SupplementInRestartMode_ReceivedAfterCutOff_CountsFromTheNextWorkingDay()
    {
        var dossier = Receive(OneStop(1, mode: SupplementClockMode.Restart), Vn(2026, 3, 2, 8));
        dossier.StartProcessing(Vn(2026, 3, 2, 9), "xuly", null, Context);
        dossier.RequestSupplement(Vn(2026, 3, 2, 10), "xuly", "Thiếu bản sao", new DateOnly(2026, 3, 20), [], Context);

        dossier.ReceiveSupplement(Vn(2026, 3, 6, 15, 30), "tiepnhan", null, Context);

        // Friday after 15:00 counts from Monday 09/03; one working day later is Tuesday 10/03.
        Assert.Equal(Vn(2026, 3, 10, 17), dossier.DueAtUtc);
    }

    [Fact]
    public void AwaitPayment_ThenConfirm_PausesTheClockForTheWaitingTime()
    {
        var dossier = Receive(OneStop(5), Vn(2026, 3, 2, 8));
        dossier.StartProcessing(Vn(2026, 3, 2, 9), "xuly", null, Context);

        dossier.AwaitPayment(Vn(2026, 3, 3, 13, 30), "xuly", "Lệ phí trước bạ", Context);
        dossier.ConfirmPayment(Vn(2026, 3, 4, 13, 30), "xuly", null, Context);

        Assert.Equal(480, dossier.PausedWorkingMinutes);
        Assert.Equal(Vn(2026, 3, 10, 17), dossier.DueAtUtc);
    }

    [Fact]
    public void Interconnected_EachStep_IsDueWhenTheSharesSoFarHaveElapsed()
    {
        var dossier = Receive(Interconnected(6, 4, 0), Vn(2026, 3, 2, 9));
        Assert.Null(dossier.StepDueAtUtc);
        Assert.Equal(Vn(2026, 3, 16, 17), dossier.DueAtUtc);

        dossier.StartProcessing(Vn(2026, 3, 2, 10), "tiepnhan", null, Context);
        Assert.Equal((1, 10), (dossier.CurrentStep, dossier.CurrentAgencyId!.Value));
        Assert.Equal(Vn(2026, 3, 10, 17), dossier.StepDueAtUtc);

        dossier.TransferToNextStep(Vn(2026, 3, 9, 10), "xuly", null, Context);
        Assert.Equal((2, 11), (dossier.CurrentStep, dossier.CurrentAgencyId!.Value));
        Assert.Equal(Vn(2026, 3, 16, 17), dossier.StepDueAtUtc);

        dossier.TransferToNextStep(Vn(2026, 3, 13, 10), "xuly", null, Context);
        Assert.Equal(Vn(2026, 3, 16, 17), dossier.StepDueAtUtc);
    }

    [Fact]
    public void ReceiveSupplement_RestartAfterDueToday_RecordsTheLevelFallingBack()
    {
        var dossier = Receive(OneStop(2, mode: SupplementClockMode.Restart), Vn(2026, 3, 2, 8));
        dossier.StartProcessing(Vn(2026, 3, 2, 8, 30), "xuly", null, Context);
        Assert.True(dossier.ChangeAlertLevel(Vn(2026, 3, 4, 8), dossier.LevelAt(Vn(2026, 3, 4, 8), Context), "he-thong", Context));
        Assert.Equal(AlertLevel.DueToday, dossier.AlertLevel);
        dossier.RequestSupplement(Vn(2026, 3, 4, 9), "xuly", "Thiếu", new DateOnly(2026, 3, 20), [], Context);

        dossier.ReceiveSupplement(Vn(2026, 3, 6, 9), "tiepnhan", null, Context);

        Assert.Equal(AlertLevel.Normal, dossier.AlertLevel);
        var last = dossier.Events[^1];
        Assert.Equal(DossierEventType.AlertChanged, last.Type);
        Assert.Equal((AlertLevel.DueToday, AlertLevel.Normal), (last.Data.FromLevel!.Value, last.Data.ToLevel!.Value));
        Assert.Equal(Vn(2026, 3, 9, 17), dossier.NextAlertAtUtc);
    }

    [Fact]
    public void ChangeAlertLevel_SameLevel_DoesNothing()
    {
        var dossier = Receive(OneStop(5), Vn(2026, 3, 2, 8));
        var events = dossier.Events.Count;

        Assert.False(dossier.ChangeAlertLevel(Vn(2026, 3, 2, 9), AlertLevel.Normal, "he-thong", Context));
        Assert.Equal(events, dossier.Events.Count);
    }

    [Fact]
    public void IssueApology_NewAppointmentNotLater_IsRefusedAndChangesNothing()
    {
        var dossier = Receive(OneStop(5), Vn(2026, 3, 2, 8));
        var before = dossier.Deadlines();

        var refusal = Assert.Throws<DomainException>(() =>
            dossier.IssueApology(Vn(2026, 3, 3, 9), "xuly", "Chậm", dossier.DueAtUtc, Context));

        Assert.Equal("NewAppointment", refusal.Error.Field);
        Assert.Equal(before, dossier.Deadlines());
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(9, false)]
    public void IssueApology_OneWorkingDayBeforeDueOrLater_RecordsWhetherItWasInTime(int day, bool inTime)
    {
        var dossier = Receive(OneStop(5), Vn(2026, 3, 2, 8));
        dossier.StartProcessing(Vn(2026, 3, 2, 9), "xuly", null, Context);

        dossier.IssueApology(Vn(2026, 3, day, 9), "xuly", "Cần xác minh thêm", Vn(2026, 3, 13, 17), Context);

        Assert.Equal(Vn(2026, 3, 13, 17), dossier.NewAppointmentUtc);
        Assert.Equal(Vn(2026, 3, 9, 17), dossier.DueAtUtc);
        Assert.Equal(inTime, dossier.Events.Single(e => e.Type == DossierEventType.ApologyIssued).Data.ApologyInTime);
    }

    [Fact]
    public void Act_BeforeTheLastChange_IsRefused()
    {
        var dossier = Receive(OneStop(5), Vn(2026, 3, 2, 8));

        Assert.Throws<DomainException>(() => dossier.StartProcessing(Vn(2026, 3, 2, 7), "xuly", null, Context));
        Assert.Equal(DossierStatus.Received, dossier.Status);
    }

    [Fact]
    public void RecomputeFromEvents_AfterADecreedDayOff_MovesTheDueDate()
    {
        var dossier = Receive(OneStop(5), Vn(2026, 3, 2, 8));
        var withDayOff = new DeadlineContext(
            WorkingCalendar.Compile(WorkingCalendarSettings.Default, [new CalendarOverride(new DateOnly(2026, 3, 4), CalendarOverrideKind.DayOff, "Nghỉ bù", "QĐ 1/2026")]),
            AlertThresholds.Default);

        Assert.False(dossier.RecomputeFromEvents(Context));
        Assert.True(dossier.RecomputeFromEvents(withDayOff));

        Assert.Equal(Vn(2026, 3, 10, 17), dossier.DueAtUtc);
    }
}
