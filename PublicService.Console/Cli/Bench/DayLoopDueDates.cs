using PublicService.Domain.Calendar;

namespace PublicService.Console.Cli.Bench;

/// <summary>
/// The naive way to compute a due instant, kept only as the bench's yardstick for the compiled calendar: walk the
/// days one at a time asking whether each is a working day the way code without a compiled calendar does (weekend,
/// then the year's list of days off). It follows the same rules as <see cref="DueDateCalculator"/> (no pauses), so
/// the bench can check both give the same instants. Session arithmetic within one day reuses the calendar.
/// </summary>
internal sealed class DayLoopDueDates(WorkingCalendar calendar)
{
    private readonly Dictionary<int, List<DateOnly>> _daysOff = [];

    private bool IsWorkingDay(DateOnly day)
    {
        if (day.DayOfWeek == DayOfWeek.Sunday || (day.DayOfWeek == DayOfWeek.Saturday && !calendar.Settings.SaturdayIsWorkingDay)) return false;
        if (!_daysOff.TryGetValue(day.Year, out var list))
            _daysOff[day.Year] = list = calendar.DaysOff(day.Year).Select(d => d.Date).ToList();
        return !list.Contains(day);
    }

    public DateTime Compute(DateTime receivedUtc, ProcessingTime time)
    {
        var countingStart = calendar.CountingStart(receivedUtc);
        var d0 = VietnamTime.DateOf(countingStart);
        switch (time.Unit)
        {
            case TimeUnit.WorkingDays:
            {
                var day = d0;
                for (var counted = 0; counted < time.Amount;)
                {
                    day = day.AddDays(1);
                    if (IsWorkingDay(day)) counted++;
                }
                return calendar.Settings.WorkingDaysDueAt == WorkingDaysDueAt.SameTimeOfDay
                    ? VietnamTime.ToUtc(day.ToDateTime(TimeOnly.FromTimeSpan(VietnamTime.ToLocal(countingStart).TimeOfDay)))
                    : calendar.ClosingOf(day);
            }
            case TimeUnit.WorkingHours:
            {
                // Day by day: each working day contributes what is left of it, until the hours are used up.
                var at = calendar.AddWorkingMinutes(countingStart, 0);
                var left = time.Amount * 60L;
                var day = VietnamTime.DateOf(at);
                while (true)
                {
                    if (IsWorkingDay(day))
                    {
                        var from = at > calendar.OpeningOf(day) ? at : calendar.OpeningOf(day);
                        var available = calendar.WorkingMinutesBetween(from, calendar.ClosingOf(day));
                        if (left <= available) return calendar.AddWorkingMinutes(from, left);
                        left -= available;
                    }
                    day = day.AddDays(1);
                }
            }
            case TimeUnit.CalendarDays:
            {
                var day = d0.AddDays(time.Amount);
                while (!IsWorkingDay(day)) day = day.AddDays(1);
                return calendar.ClosingOf(day);
            }
            default:
                return calendar.ClosingOf(d0);
        }
    }
}
