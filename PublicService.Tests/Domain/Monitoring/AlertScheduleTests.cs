using PublicService.Domain.Monitoring;
using static PublicService.Tests.Support.TestCalendar;

namespace PublicService.Tests.Domain.Monitoring;

public sealed class AlertScheduleTests
{
    [Fact]
    public void For_LongPeriod_ApproachingWhenShareUsedComesBeforeOneDayLeft()
    {
        // 10 working days = 4,800 minutes; 75 % used leaves 1,200 minutes (2.5 days) > 480: Thu 12/03 11:00.
        var due = Vn(2026, 3, 16, 17);
        var schedule = AlertSchedule.For(Default, due, 4800, AlertThresholds.Default);

        Assert.Equal(Vn(2026, 3, 12, 11, 0), schedule.ApproachingFromUtc);
        Assert.Equal(Vn(2026, 3, 16, 0), schedule.DueTodayFromUtc);
        Assert.Equal(due.AddSeconds(1), schedule.OverdueFromUtc);
    }

    [Fact]
    public void For_ShortPeriod_ApproachingWhenOneWorkingDayRemains()
    {
        var due = Vn(2026, 3, 6, 17);
        var schedule = AlertSchedule.For(Default, due, 960, AlertThresholds.Default);

        // Exactly one working day is left from Thursday's close.
        Assert.Equal(Vn(2026, 3, 5, 17), schedule.ApproachingFromUtc);
    }

    [Fact]
    public void For_OnlyPercentThreshold_IgnoresRemainingTime()
    {
        var due = Vn(2026, 3, 16, 17);
        var schedule = AlertSchedule.For(Default, due, 4800, new AlertThresholds(null, 90));

        // 10 % of 4,800 = 480 minutes before due: from the close of the working day before.
        Assert.Equal(Vn(2026, 3, 13, 17), schedule.ApproachingFromUtc);
    }

    [Theory]
    [InlineData(2026, 3, 12, 10, 59, AlertLevel.Normal)]
    [InlineData(2026, 3, 12, 11, 0, AlertLevel.Approaching)]
    [InlineData(2026, 3, 15, 23, 59, AlertLevel.Approaching)]
    [InlineData(2026, 3, 16, 0, 0, AlertLevel.DueToday)]
    [InlineData(2026, 3, 16, 17, 0, AlertLevel.DueToday)]
    [InlineData(2026, 3, 16, 17, 1, AlertLevel.Overdue)]
    public void LevelAt_AcrossTheThresholds_RisesInOrder(int y, int m, int d, int h, int min, AlertLevel expected)
    {
        var schedule = AlertSchedule.For(Default, Vn(2026, 3, 16, 17), 4800, AlertThresholds.Default);

        Assert.Equal(expected, schedule.LevelAt(Vn(y, m, d, h, min)));
    }

    [Fact]
    public void NextChangeAfter_EachLevel_IsTheNextThresholdAndNullWhenOverdue()
    {
        var schedule = AlertSchedule.For(Default, Vn(2026, 3, 16, 17), 4800, AlertThresholds.Default);

        Assert.Equal(schedule.ApproachingFromUtc, schedule.NextChangeAfter(AlertLevel.Normal));
        Assert.Equal(schedule.DueTodayFromUtc, schedule.NextChangeAfter(AlertLevel.Approaching));
        Assert.Equal(schedule.OverdueFromUtc, schedule.NextChangeAfter(AlertLevel.DueToday));
        Assert.Null(schedule.NextChangeAfter(AlertLevel.Overdue));
    }

    [Fact]
    public void NextChangeAfter_ApproachingLaterThanDueDayStart_TakesTheEarlierInstant()
    {
        // With only "≤ 60 minutes left", approaching starts at 16:00 on the due day, after "due today" at 00:00.
        var schedule = AlertSchedule.For(Default, Vn(2026, 3, 16, 17), 4800, new AlertThresholds(60, null));

        Assert.Equal(Vn(2026, 3, 16, 0), schedule.NextChangeAfter(AlertLevel.Normal));
        Assert.Equal(AlertLevel.DueToday, schedule.LevelAt(Vn(2026, 3, 16, 16, 30)));
    }
}
