using PublicService.Domain.Calendar;
using static PublicService.Tests.Support.TestCalendar;

namespace PublicService.Tests.Domain.Calendar;

public sealed class DueDateUnexplainedTests
{
    [Fact]
    public void ComputeUnexplained_RandomReceipts_GivesTheSameInstantsAsCompute()
    {
        var random = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var received = Vn(2025, 1, 1).AddMinutes(random.Next(0, 2 * 365 * 24 * 60));
            var unit = (TimeUnit)random.Next(1, 5);
            var time = new ProcessingTime(unit == TimeUnit.SameDay ? 0 : random.Next(0, 40), unit);

            var explained = DueDateCalculator.Compute(Default, received, time);
            var fast = DueDateCalculator.ComputeUnexplained(Default, received, time);
            var instants = DueDateCalculator.ComputeInstants(Default, received, time);

            Assert.Equal((explained.DueUtc, explained.CountingStartUtc), (fast.DueUtc, fast.CountingStartUtc));
            Assert.Equal(new DueInstants(explained.DueUtc, explained.CountingStartUtc), instants);
            Assert.Equal(DateTimeKind.Utc, instants.DueUtc.Kind);
            Assert.Empty(fast.Explanation);
            Assert.NotEmpty(explained.Explanation);
        }
    }

    [Fact]
    public void ComputeUnexplained_SameTimeOfDaySetting_GivesTheSameInstantsAsCompute()
    {
        // The working-days case takes the compiled calendar's integer path; this setting changes its due time of day.
        var calendar = new CalendarBuilder().WithSettings(s => s with { WorkingDaysDueAt = WorkingDaysDueAt.SameTimeOfDay }).Build();
        var random = new Random(12);
        for (var i = 0; i < 2000; i++)
        {
            var received = Vn(2025, 1, 1).AddMinutes(random.Next(0, 2 * 365 * 24 * 60));
            var time = new ProcessingTime(random.Next(0, 60), TimeUnit.WorkingDays);

            var explained = DueDateCalculator.Compute(calendar, received, time);
            var fast = DueDateCalculator.ComputeUnexplained(calendar, received, time);

            Assert.Equal((explained.DueUtc, explained.CountingStartUtc), (fast.DueUtc, fast.CountingStartUtc));
        }
    }

    [Fact]
    public void ComputeInstants_EveryUnitWithSaturdaysAndADayOff_GivesTheSameInstantsAsCompute()
    {
        // Every unit now takes the integer path; another calendar (Saturdays worked, a day off, the same-time rule)
        // and receipts at night, on days off and right at the cut-off.
        var calendar = new CalendarBuilder()
            .WithSettings(s => s with { SaturdayIsWorkingDay = true, WorkingDaysDueAt = WorkingDaysDueAt.SameTimeOfDay })
            .WithDayOff(new DateOnly(2025, 6, 11))
            .Build();
        var random = new Random(13);
        for (var i = 0; i < 3000; i++)
        {
            var received = Vn(2025, 6, 1).AddMinutes(random.Next(0, 60 * 24 * 60));
            if (i % 10 == 0) received = Vn(2025, 6, 10, 15);
            var unit = (TimeUnit)random.Next(1, 5);
            var time = new ProcessingTime(unit == TimeUnit.SameDay ? 0 : random.Next(0, 40), unit);

            var explained = DueDateCalculator.Compute(calendar, received, time);

            Assert.Equal(new DueInstants(explained.DueUtc, explained.CountingStartUtc), DueDateCalculator.ComputeInstants(calendar, received, time));
        }
    }
}
