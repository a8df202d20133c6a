namespace PublicService.Domain.Calendar;

/// <summary>A span of working time within a day, e.g. 07:00–11:30.</summary>
public sealed record WorkingSession(TimeOnly Start, TimeOnly End);

/// <summary>When a "N working days" period ends on its last day.</summary>
public enum WorkingDaysDueAt
{
    /// <summary>At closing time of the N-th working day (the default).</summary>
    EndOfDay = 1,
    /// <summary>At the same time of day as the counting start, on the N-th working day.</summary>
    SameTimeOfDay = 2,
}

/// <summary>Centre-wide calendar settings an administrator can change (stored in the database).</summary>
public sealed record WorkingCalendarSettings
{
    /// <summary>Default sessions 07:00–11:30 and 13:30–17:00 (8 hours).</summary>
    public IReadOnlyList<WorkingSession> Sessions { get; init; } =
        [new(new TimeOnly(7, 0), new TimeOnly(11, 30)), new(new TimeOnly(13, 30), new TimeOnly(17, 0))];

    /// <summary>Received at or after this time of day counts as received on the next working day.</summary>
    public TimeOnly CutOff { get; init; } = new(15, 0);

    /// <summary>Saturdays count as working days for deadlines (rare; receiving on Saturday does not need this).</summary>
    public bool SaturdayIsWorkingDay { get; init; }

    public WorkingDaysDueAt WorkingDaysDueAt { get; init; } = WorkingDaysDueAt.EndOfDay;

    public static WorkingCalendarSettings Default { get; } = new();
}
