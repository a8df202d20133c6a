using PublicService.Domain.Calendar;

namespace PublicService.Tests.Domain.Calendar;

/// <summary>Builds working calendars for tests: default settings, years 2020–2030, no overrides unless asked.</summary>
internal sealed class CalendarBuilder
{
    private static readonly Lazy<WorkingCalendar> _default = new(() => new CalendarBuilder().Build());

    private readonly List<CalendarOverride> _overrides = [];
    private WorkingCalendarSettings _settings = WorkingCalendarSettings.Default;
    private int _firstYear = 2020;
    private int _lastYear = 2030;

    /// <summary>The default calendar 2020–2030, compiled once for all tests.</summary>
    public static WorkingCalendar Default => _default.Value;

    /// <summary>The UTC instant of a Vietnam wall-clock time.</summary>
    public static DateTime Vn(int year, int month, int day, int hour, int minute) =>
        VietnamTime.ToUtc(new DateTime(year, month, day, hour, minute, 0));

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public CalendarBuilder ForYears(int firstYear, int lastYear)
    {
        _firstYear = firstYear;
        _lastYear = lastYear;
        return this;
    }

    public CalendarBuilder WithSettings(Func<WorkingCalendarSettings, WorkingCalendarSettings> change)
    {
        _settings = change(_settings);
        return this;
    }

    public CalendarBuilder WithDayOff(DateOnly date, string reason = "Nghỉ thêm theo quyết định", string decree = "01/QĐ-UBND")
    {
        _overrides.Add(new CalendarOverride(date, CalendarOverrideKind.DayOff, reason, decree));
        return this;
    }

    public CalendarBuilder WithWorkingDay(DateOnly date, string reason = "Làm bù theo quyết định", string decree = "01/QĐ-UBND")
    {
        _overrides.Add(new CalendarOverride(date, CalendarOverrideKind.WorkingDay, reason, decree));
        return this;
    }

    public WorkingCalendar Build() => WorkingCalendar.Compile(_settings, _overrides, _firstYear, _lastYear);
}
