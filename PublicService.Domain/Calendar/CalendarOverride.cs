namespace PublicService.Domain.Calendar;

public enum CalendarOverrideKind
{
    /// <summary>An extra day off decreed for the year (e.g. a Tết bridge day).</summary>
    DayOff = 1,
    /// <summary>A day that becomes a working day: a removed day off, or a weekend day worked as a swap.</summary>
    WorkingDay = 2,
}

/// <summary>A per-year correction of the generated calendar, with the decree that ordered it.</summary>
public sealed class CalendarOverride
{
    public const int ReasonMaxLength = 500;
    public const int DecreeMaxLength = 100;

    private CalendarOverride() { Reason = ""; DecreeNumber = ""; }

    public CalendarOverride(DateOnly date, CalendarOverrideKind kind, string reason, string decreeNumber)
    {
        throw new NotImplementedException();
    }

    public int Id { get; private set; }
    public DateOnly Date { get; private set; }
    public CalendarOverrideKind Kind { get; private set; }
    public string Reason { get; private set; }
    public string DecreeNumber { get; private set; }
}
