namespace PublicService.Domain.Calendar;

/// <summary>How a legal processing period is counted.</summary>
public enum TimeUnit
{
    WorkingDays = 1,
    WorkingHours = 2,
    CalendarDays = 3,
    /// <summary>"Ngay trong ngày": due at closing time of the counting-start day.</summary>
    SameDay = 4,
}

/// <summary>A structured processing period, e.g. 3 working days. <c>SameDay</c> has amount 0.</summary>
public sealed record ProcessingTime(int Amount, TimeUnit Unit)
{
    /// <summary>
    /// Parses the command-line form "N unit" with unit one of working-days, working-hours,
    /// calendar-days, same-day (for which N may be omitted or 0). Throws <see cref="FormatException"/>
    /// with a message naming what is wrong.
    /// </summary>
    public static ProcessingTime Parse(string text) => throw new NotImplementedException();

    /// <summary>"3 working-days", the inverse of <see cref="Parse"/>.</summary>
    public override string ToString() => throw new NotImplementedException();
}
