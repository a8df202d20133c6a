using System.Globalization;
using PublicService.Domain.Calendar;
using static PublicService.Tests.Domain.Calendar.CalendarBuilder;

namespace PublicService.Tests.Domain.Calendar;

public sealed class DueDateCalculatorTests
{
    private static readonly CultureInfo _vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo _english = CultureInfo.GetCultureInfo("en-US");

    private readonly WorkingCalendar _calendar = Default;

    [Fact]
    public void Compute_ThreeWorkingDaysBeforeTet2026_IsDueMondayAfterTheBreak()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 2, 11, 9, 0), ProcessingTime.Parse("3 working-days"));

        Assert.Equal(Vn(2026, 2, 23, 17, 0), due.DueUtc);
        Assert.Equal(Vn(2026, 2, 11, 9, 0), due.CountingStartUtc);
    }

    [Fact]
    public void Compute_FourWorkingHoursOnMondayMorning_IsDueAtFourPm()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 3, 2, 10, 0), ProcessingTime.Parse("4 working-hours"));

        Assert.Equal(Vn(2026, 3, 2, 16, 0), due.DueUtc);
    }

    [Fact]
    public void Compute_ThreeWorkingDaysBeforeTet2026_ExplainsEachCountedAndSkippedDay()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 2, 11, 9, 0), ProcessingTime.Parse("3 working-days"));

        var expected = new[]
        {
            new DueExplanationLine(DueExplanationKind.Received, InstantUtc: Vn(2026, 2, 11, 9, 0)),
            new DueExplanationLine(DueExplanationKind.CountedWorkingDay, D(2026, 2, 12), Count: 1),
            new DueExplanationLine(DueExplanationKind.CountedWorkingDay, D(2026, 2, 13), Count: 2),
            new DueExplanationLine(DueExplanationKind.SkippedWeekend, D(2026, 2, 14), Count: 2),
            new DueExplanationLine(DueExplanationKind.SkippedDayOff, D(2026, 2, 16), "Tết Nguyên đán"),
            new DueExplanationLine(DueExplanationKind.SkippedDayOff, D(2026, 2, 17), "Tết Nguyên đán"),
            new DueExplanationLine(DueExplanationKind.SkippedDayOff, D(2026, 2, 18), "Tết Nguyên đán"),
            new DueExplanationLine(DueExplanationKind.SkippedDayOff, D(2026, 2, 19), "Tết Nguyên đán"),
            new DueExplanationLine(DueExplanationKind.SkippedDayOff, D(2026, 2, 20), "Tết Nguyên đán"),
            new DueExplanationLine(DueExplanationKind.SkippedWeekend, D(2026, 2, 21), Count: 2),
            new DueExplanationLine(DueExplanationKind.CountedWorkingDay, D(2026, 2, 23), Count: 3),
            new DueExplanationLine(DueExplanationKind.Due, D(2026, 2, 23), InstantUtc: Vn(2026, 2, 23, 17, 0)),
        };

        Assert.Equal(expected, due.Explanation);
    }

    [Fact]
    public void ExplanationText_Vietnamese_NamesTheSkippedHolidayWithDiacritics()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 2, 11, 9, 0), ProcessingTime.Parse("3 working-days"));

        var text = due.ExplanationText(_vietnamese);

        Assert.Equal("Tiếp nhận lúc 09:00 ngày 11/02/2026.", text[0]);
        Assert.Equal("Ngày làm việc thứ 1: thứ Năm 12/02/2026.", text[1]);
        Assert.Equal("Bỏ qua 14/02/2026–15/02/2026: nghỉ cuối tuần.", text[3]);
        Assert.Contains("Bỏ qua 16/02/2026: Tết Nguyên đán.", text);
        Assert.Equal("Hạn giải quyết: 17:00 ngày 23/02/2026.", text[^1]);
    }

    [Fact]
    public void ExplanationText_English_NamesTheSkippedHoliday()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 2, 11, 9, 0), ProcessingTime.Parse("3 working-days"));

        var text = due.ExplanationText(CultureInfo.GetCultureInfo("en"));

        Assert.Equal("Received at 09:00 on 11/02/2026.", text[0]);
        Assert.Contains("Skipped 16/02/2026: Tết Nguyên đán.", text);
        Assert.Contains("Skipped 14/02/2026–15/02/2026: weekend.", text);
        Assert.Equal("Due: 17:00 on 23/02/2026.", text[^1]);
    }

    [Fact]
    public void ExplanationText_InvariantCulture_IsVietnamese()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 3, 2, 10, 0), ProcessingTime.Parse("4 working-hours"));

        Assert.Equal(
            ["Tiếp nhận lúc 10:00 ngày 02/03/2026.", "Tính 4 giờ làm việc từ 10:00 ngày 02/03/2026.", "Hạn giải quyết: 16:00 ngày 02/03/2026."],
            due.ExplanationText(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Compute_ReceivedAfterCutOffBeforeTet_CountsFromTheFirstDayAfterTheBreak()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 2, 13, 16, 10), ProcessingTime.Parse("3 working-days"));

        Assert.Equal(Vn(2026, 2, 26, 17, 0), due.DueUtc);
        Assert.Equal(Vn(2026, 2, 23, 7, 0), due.CountingStartUtc);
        var text = due.ExplanationText(_vietnamese);
        Assert.Equal("Tiếp nhận lúc 16:10 ngày 13/02/2026 (sau 15:00) nên được tính là tiếp nhận vào ngày làm việc tiếp theo 23/02/2026.", text[0]);
        Assert.Contains("Bỏ qua 16/02/2026: Tết Nguyên đán.", text);
        Assert.Contains(
            "Received at 16:10 on 13/02/2026 (at or after 15:00), so it counts as received on the next working day, 23/02/2026.",
            due.ExplanationText(_english));
    }

    [Theory]
    [InlineData(14, 59, 2)]
    [InlineData(15, 0, 3)]
    public void Compute_SameDayAroundTheCutOff_IsDueThatDayOrTheNext(int hour, int minute, int dueDay)
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 3, 2, hour, minute), ProcessingTime.SameDay);

        Assert.Equal(Vn(2026, 3, dueDay, 17, 0), due.DueUtc);
    }

    [Theory]
    [InlineData(14, 59, 4)]
    [InlineData(15, 0, 5)]
    public void Compute_TwoWorkingDaysAroundTheCutOff_CountsFromTheReceiptDayOrTheNext(int hour, int minute, int dueDay)
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 3, 2, hour, minute), ProcessingTime.Parse("2 working-days"));

        Assert.Equal(Vn(2026, 3, dueDay, 17, 0), due.DueUtc);
    }

    [Fact]
    public void Compute_ReceivedOnSaturday_CountsFromMonday()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 3, 7, 9, 0), ProcessingTime.Parse("1 working-days"));

        Assert.Equal(Vn(2026, 3, 10, 17, 0), due.DueUtc);
        Assert.Equal(DueExplanationKind.MovedByDayOff, due.Explanation[1].Kind);
        Assert.Equal(D(2026, 3, 9), due.Explanation[1].Date);
        Assert.Equal(
            "Tiếp nhận lúc 09:00 ngày 07/03/2026 (ngày nghỉ: thứ Bảy) nên được tính là tiếp nhận vào ngày làm việc tiếp theo 09/03/2026.",
            due.ExplanationText(_vietnamese)[0]);
    }

    [Fact]
    public void Compute_ReceivedOnTetHoliday_NamesTheHolidayInTheMove()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 2, 17, 9, 0), ProcessingTime.SameDay);

        Assert.Equal(Vn(2026, 2, 23, 17, 0), due.DueUtc);
        Assert.Equal(new DueExplanationLine(DueExplanationKind.MovedByDayOff, D(2026, 2, 23), "Tết Nguyên đán", Vn(2026, 2, 17, 9, 0)), due.Explanation[1]);
        Assert.Contains("Skipped 18/02/2026: Tết Nguyên đán.", due.ExplanationText(_english));
    }

    [Fact]
    public void Compute_WorkingHoursReceivedDuringLunch_StartsAtTheAfternoonSession()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 3, 2, 12, 0), ProcessingTime.Parse("4 working-hours"));

        Assert.Equal(Vn(2026, 3, 2, 13, 30), due.CountingStartUtc);
        Assert.Equal(Vn(2026, 3, 3, 7, 30), due.DueUtc);
    }

    [Fact]
    public void Compute_WorkingHoursReceivedBeforeOpening_StartsAtOpening()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 3, 2, 6, 15), ProcessingTime.Parse("2 working-hours"));

        Assert.Equal(Vn(2026, 3, 2, 9, 0), due.DueUtc);
    }

    [Fact]
    public void Compute_WorkingHoursReceivedAfterCutOff_StartsAtNextDayOpening()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 3, 2, 15, 30), ProcessingTime.Parse("2 working-hours"));

        Assert.Equal(Vn(2026, 3, 3, 7, 0), due.CountingStartUtc);
        Assert.Equal(Vn(2026, 3, 3, 9, 0), due.DueUtc);
    }

    [Fact]
    public void Compute_EightWorkingHoursEndingAtClosing_StaysAtClosing()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 3, 2, 7, 0), ProcessingTime.Parse("8 working-hours"));

        Assert.Equal(Vn(2026, 3, 2, 17, 0), due.DueUtc);
    }

    [Fact]
    public void Compute_WorkingHoursAcrossTet_ListsTheSkippedDays()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 2, 13, 14, 0), ProcessingTime.Parse("4 working-hours"));

        Assert.Equal(Vn(2026, 2, 23, 8, 0), due.DueUtc);
        Assert.Contains(new DueExplanationLine(DueExplanationKind.SkippedDayOff, D(2026, 2, 20), "Tết Nguyên đán"), due.Explanation);
    }

    [Fact]
    public void Compute_CalendarDaysLandingOnAWorkingDay_IsDueAtClosing()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 3, 2, 9, 0), ProcessingTime.Parse("10 calendar-days"));

        Assert.Equal(Vn(2026, 3, 12, 17, 0), due.DueUtc);
    }

    [Fact]
    public void Compute_CalendarDaysLandingInTet_MovesToTheNextWorkingDay()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 2, 2, 9, 0), ProcessingTime.Parse("15 calendar-days"));

        Assert.Equal(Vn(2026, 2, 23, 17, 0), due.DueUtc);
        Assert.Contains(
            new DueExplanationLine(DueExplanationKind.MovedOffNonWorkingDay, D(2026, 2, 23), "Tết Nguyên đán", Vn(2026, 2, 17, 17, 0)),
            due.Explanation);
        Assert.Contains(
            "Ngày 17/02/2026 là ngày nghỉ (Tết Nguyên đán) nên chuyển sang ngày làm việc tiếp theo 23/02/2026.",
            due.ExplanationText(_vietnamese));
    }

    [Fact]
    public void Compute_CalendarDaysLandingOnSunday_MovesToMonday()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 3, 2, 9, 0), ProcessingTime.Parse("6 calendar-days"));

        Assert.Equal(Vn(2026, 3, 9, 17, 0), due.DueUtc);
        Assert.Contains("08/03/2026 is a day off (Sunday), so the due date moves to the next working day, 09/03/2026.", due.ExplanationText(_english));
    }

    [Fact]
    public void Compute_ZeroWorkingDays_IsDueAtClosingOfTheReceiptDay()
    {
        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 3, 2, 9, 0), ProcessingTime.Parse("0 working-days"));

        Assert.Equal(Vn(2026, 3, 2, 17, 0), due.DueUtc);
    }

    [Fact]
    public void Compute_SameTimeOfDaySetting_IsDueAtTheReceiptTimeOnTheLastDay()
    {
        var calendar = new CalendarBuilder().WithSettings(s => s with { WorkingDaysDueAt = WorkingDaysDueAt.SameTimeOfDay }).Build();

        var due = DueDateCalculator.Compute(calendar, Vn(2026, 2, 11, 9, 0), ProcessingTime.Parse("3 working-days"));

        Assert.Equal(Vn(2026, 2, 23, 9, 0), due.DueUtc);
    }

    [Fact]
    public void Compute_OverrideAddsABridgeDay_PushesTheDueDate()
    {
        var calendar = new CalendarBuilder().WithDayOff(D(2026, 2, 23), "Nghỉ sau Tết").Build();

        var due = DueDateCalculator.Compute(calendar, Vn(2026, 2, 11, 9, 0), ProcessingTime.Parse("3 working-days"));

        Assert.Equal(Vn(2026, 2, 24, 17, 0), due.DueUtc);
        Assert.Contains("Bỏ qua 23/02/2026: Nghỉ sau Tết.", due.ExplanationText(_vietnamese));
    }

    [Fact]
    public void Compute_WithAPause_MovesTheDueInstantByItsWorkingMinutes()
    {
        // Paused Tuesday 09:00–14:00 = 150 + 30 = 180 working minutes; Thursday 17:00 becomes Friday 10:00.
        var pauses = new[] { new PausedPeriod(Vn(2026, 3, 3, 9, 0), Vn(2026, 3, 3, 14, 0)) };

        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 3, 2, 9, 0), ProcessingTime.Parse("3 working-days"), pauses);

        Assert.Equal(Vn(2026, 3, 6, 10, 0), due.DueUtc);
        Assert.Contains(due.Explanation, l => l is { Kind: DueExplanationKind.Paused, Minutes: 180 });
        Assert.Contains(
            "Tạm dừng từ 09:00 ngày 03/03/2026 đến 14:00 ngày 03/03/2026: cộng thêm 3 giờ làm việc.",
            due.ExplanationText(_vietnamese));
        Assert.Contains(
            "Paused from 09:00 on 03/03/2026 to 14:00 on 03/03/2026: 3 hours of working time added.",
            due.ExplanationText(_english));
    }

    [Fact]
    public void Compute_OverlappingPauses_CountsTheOverlapOnce()
    {
        var pauses = new[]
        {
            new PausedPeriod(Vn(2026, 3, 3, 9, 0), Vn(2026, 3, 3, 11, 0)),
            new PausedPeriod(Vn(2026, 3, 3, 10, 0), Vn(2026, 3, 3, 14, 0)),
        };

        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 3, 2, 9, 0), ProcessingTime.Parse("3 working-days"), pauses);

        Assert.Equal(Vn(2026, 3, 6, 10, 0), due.DueUtc);
        Assert.Single(due.Explanation, l => l.Kind == DueExplanationKind.Paused);
    }

    [Fact]
    public void Compute_PauseOverAWeekend_AddsNothing()
    {
        var pauses = new[] { new PausedPeriod(Vn(2026, 3, 6, 17, 0), Vn(2026, 3, 9, 7, 0)) };

        var due = DueDateCalculator.Compute(_calendar, Vn(2026, 3, 2, 9, 0), ProcessingTime.Parse("3 working-days"), pauses);

        Assert.Equal(Vn(2026, 3, 5, 17, 0), due.DueUtc);
    }

    [Fact]
    public void Compute_PauseEndingBeforeItStarts_Throws()
    {
        var pauses = new[] { new PausedPeriod(Vn(2026, 3, 3, 14, 0), Vn(2026, 3, 3, 9, 0)) };

        Assert.Throws<ArgumentException>(() => DueDateCalculator.Compute(_calendar, Vn(2026, 3, 2, 9, 0), ProcessingTime.SameDay, pauses));
    }

    [Fact]
    public void Compute_DueBeyondTheCompiledRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DueDateCalculator.Compute(_calendar, Vn(2030, 12, 1, 9, 0), ProcessingTime.Parse("60 working-days")));
    }
}
