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

    /// <summary>
    /// Why these settings cannot build a calendar: no session, a session that does not end after it starts,
    /// sessions out of order or overlapping, or a cut-off after closing time. Empty when valid.
    /// </summary>
    public IReadOnlyList<DomainError> Validate()
    {
        if (Sessions is null || Sessions.Count == 0)
        {
            return [new DomainError("calendar.settings.sessions-required", "Phải có ít nhất một buổi làm việc.", nameof(Sessions))];
        }

        var errors = new List<DomainError>();
        for (var i = 0; i < Sessions.Count; i++)
        {
            var session = Sessions[i];
            if (session.End <= session.Start)
            {
                errors.Add(new DomainError(
                    "calendar.settings.session-invalid",
                    $"Buổi làm việc {session.Start:HH\\:mm}–{session.End:HH\\:mm} phải kết thúc sau khi bắt đầu.",
                    nameof(Sessions)));
            }
            else if (i > 0 && session.Start < Sessions[i - 1].End)
            {
                errors.Add(new DomainError(
                    "calendar.settings.sessions-overlap",
                    $"Buổi làm việc {session.Start:HH\\:mm}–{session.End:HH\\:mm} phải bắt đầu sau khi buổi trước kết thúc.",
                    nameof(Sessions)));
            }
        }

        if (errors.Count == 0 && CutOff > Sessions[^1].End)
        {
            // A cut-off after closing would let a dossier received after closing count from that same day.
            errors.Add(new DomainError(
                "calendar.settings.cutoff-after-closing",
                $"Giờ chốt tiếp nhận {CutOff:HH\\:mm} không được muộn hơn giờ kết thúc làm việc {Sessions[^1].End:HH\\:mm}.",
                nameof(CutOff)));
        }

        return errors;
    }
}
