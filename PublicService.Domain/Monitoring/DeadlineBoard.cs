using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Calendar;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Persistence;
using PublicService.Domain.Staff;

namespace PublicService.Domain.Monitoring;

/// <summary>What the supervisor narrows the board to; null means all.</summary>
public sealed record DeadlineBoardFilter(int? AgencyId = null, int? FieldId = null, AlertLevel? Level = null);

/// <summary>A named group (an agency, a field) with its running dossiers per alert level.</summary>
public sealed record DeadlineBoardGroup(int Id, string Name, IReadOnlyDictionary<AlertLevel, int> Counts)
{
    public int Count(AlertLevel level) => Counts.GetValueOrDefault(level);
    public int Total => Counts.Values.Sum();
}

/// <summary>
/// One running dossier on a list: where it is, when it is due and how much working time remains (positive) or
/// has been exceeded (negative) at the board's instant. <see cref="PastDue"/> tells the two sides apart when no
/// working time lies between (e.g. due at 17:00, seen at 19:00).
/// </summary>
public sealed record DeadlineBoardRow(
    long Id,
    string Code,
    string ProcedureName,
    string AgencyName,
    int CurrentStep,
    int StepCount,
    string? StepName,
    DateTime DueAtUtc,
    AlertLevel Level,
    long WorkingMinutesLeft,
    bool PastDue);

public sealed record DeadlineBoardOption(int Id, string Name);

/// <summary>How many running dossiers an agency holds in a field at a level.</summary>
public sealed record BoardCount(int AgencyId, int FieldId, AlertLevel Level, int Count);

/// <summary>
/// The supervisor's board (Giám sát thời hạn): running dossiers (received or in process; paused ones are not
/// advancing) per alert level, per agency and per field, and the overdue and approaching lists, most urgent
/// first and bounded to <c>listLimit</c> rows each with their totals; and how many dossiers wait for a supplement
/// past its deadline ("quá hạn bổ sung", derived from the stored supplement deadline).
/// </summary>
public sealed record DeadlineBoard(
    IReadOnlyDictionary<AlertLevel, int> Counts,
    IReadOnlyList<DeadlineBoardGroup> ByAgency,
    IReadOnlyList<DeadlineBoardGroup> ByField,
    IReadOnlyList<DeadlineBoardRow> Overdue,
    int OverdueTotal,
    IReadOnlyList<DeadlineBoardRow> Approaching,
    int ApproachingTotal,
    IReadOnlyList<DeadlineBoardOption> Agencies,
    IReadOnlyList<DeadlineBoardOption> Fields,
    int OverdueSupplementTotal)
{
    public const int DefaultListLimit = 50;

    /// <summary>The levels the "approaching" list shows: approaching and due today.</summary>
    public static readonly AlertLevel[] ApproachingLevels = [AlertLevel.Approaching, AlertLevel.DueToday];

    public int Count(AlertLevel level) => Counts.GetValueOrDefault(level);

    /// <summary>
    /// Running interconnected dossiers per level of their current step's own deadline, above Normal only: the steps
    /// held by an agency that are approaching or past their share of the time, whatever the dossier's own level.
    /// The agency and field filters apply; the level filter (the dossier's level) does not.
    /// </summary>
    public IReadOnlyDictionary<AlertLevel, int> StepCounts { get; init; } = new Dictionary<AlertLevel, int>();

    public int StepCount(AlertLevel level) => StepCounts.GetValueOrDefault(level);

    public static Task<DeadlineBoard> LoadAsync(
        PublicServiceDbContext db, WorkingCalendar calendar, DeadlineBoardFilter filter, DateTime nowUtc,
        int listLimit = DefaultListLimit, CancellationToken ct = default) =>
        LoadAsync(db, calendar, filter, nowUtc, StaffScope.System, listLimit, ct);

    /// <summary>The board as <paramref name="scope"/> may see it: a supervisor of some agencies sees only their dossiers.</summary>
    public static async Task<DeadlineBoard> LoadAsync(
        PublicServiceDbContext db, WorkingCalendar calendar, DeadlineBoardFilter filter, DateTime nowUtc,
        StaffScope scope, int listLimit = DefaultListLimit, CancellationToken ct = default)
    {
        // Sorted here, not in SQL: the database orders Vietnamese names by code point, not alphabetically.
        var allAgencies = await db.Agencies.AsNoTracking().Select(a => new DeadlineBoardOption(a.Id, a.Name)).ToListAsync(ct);
        // The filter offers the scope's own agencies; the breakdown still names any agency holding one of their
        // dossiers (an interconnected dossier may be at another agency's step).
        var agencies = allAgencies.Where(a => scope.SeesAllAgencies || scope.AgencyIds.Contains(a.Id))
            .OrderBy(a => a.Name, VietnameseOrder).ToList();
        var fields = (await db.Fields.AsNoTracking().Select(f => new DeadlineBoardOption(f.Id, f.Name)).ToListAsync(ct))
            .OrderBy(f => f.Name, VietnameseOrder).ToList();
        var agencyNames = allAgencies.ToDictionary(a => a.Id, a => a.Name);
        var fieldNames = fields.ToDictionary(f => f.Id, f => f.Name);

        var scoped =
            from d in db.Dossiers.AsNoTracking().VisibleTo(scope)
            join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
            select new
            {
                Dossier = d,
                // At reception (step 0) the receiving agency holds the dossier.
                AgencyId = d.CurrentAgencyId ?? d.ReceivingAgencyId,
                v.FieldId,
                ProcedureName = v.Name,
            };
        if (filter.AgencyId is { } agencyId) scoped = scoped.Where(x => x.AgencyId == agencyId);
        if (filter.FieldId is { } fieldId) scoped = scoped.Where(x => x.FieldId == fieldId);
        var query = scoped.Where(x => Running.Contains(x.Dossier.Status));
        var today = VietnamTime.DateOf(nowUtc);
        var overdueSupplements = await scoped.CountAsync(x => x.Dossier.Status == DossierStatus.AwaitingSupplement
            && x.Dossier.SupplementDeadline != null && x.Dossier.SupplementDeadline < today, ct);

        // Few groups (agencies × fields × levels), so the breakdowns and the lists' totals are folded in memory.
        var groups = await CountsQuery(db, scope, filter).ToListAsync(ct);
        var counts = groups.GroupBy(g => g.Level).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var shown = filter.Level is { } only ? groups.Where(g => g.Level == only).ToList() : groups;
        var byAgency = Breakdown(shown.Select(g => (g.AgencyId, g.Level, g.Count)), agencyNames);
        var byField = Breakdown(shown.Select(g => (g.FieldId, g.Level, g.Count)), fieldNames);

        async Task<(List<DeadlineBoardRow> Rows, int Total)> ListAsync(AlertLevel[] levels)
        {
            if (filter.Level is { } level) levels = levels.Where(l => l == level).ToArray();
            if (levels.Length == 0) return ([], 0);
            var selected = query.Where(x => levels.Contains(x.Dossier.AlertLevel));
            var total = groups.Where(g => levels.Contains(g.Level)).Sum(g => g.Count);
            var rows = await selected
                .OrderBy(x => x.Dossier.DueAtUtc).ThenBy(x => x.Dossier.Id)
                .Take(listLimit)
                .Select(x => new { x.Dossier.Id, x.Dossier.Code, x.ProcedureName, x.AgencyId, x.Dossier.CurrentStep, x.Dossier.Terms, x.Dossier.DueAtUtc, x.Dossier.AlertLevel })
                .ToListAsync(ct);
            return (rows.Select(r => new DeadlineBoardRow(
                r.Id, r.Code, r.ProcedureName, agencyNames.GetValueOrDefault(r.AgencyId, ""),
                r.CurrentStep, r.Terms.Steps.Count,
                r.CurrentStep >= 1 && r.CurrentStep <= r.Terms.Steps.Count ? r.Terms.Steps[r.CurrentStep - 1].Name : null,
                r.DueAtUtc, r.AlertLevel,
                nowUtc <= r.DueAtUtc ? calendar.WorkingMinutesBetween(nowUtc, r.DueAtUtc) : -calendar.WorkingMinutesBetween(r.DueAtUtc, nowUtc),
                nowUtc > r.DueAtUtc))
                .ToList(), total);
        }

        var overdue = await ListAsync([AlertLevel.Overdue]);
        var approaching = await ListAsync(ApproachingLevels);
        // Few rows have a step level above Normal: a partial index holds just those.
        var stepCounts = await query.Where(x => x.Dossier.StepAlertLevel != AlertLevel.Normal)
            .GroupBy(x => x.Dossier.StepAlertLevel)
            .Select(g => new { Level = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Level, g => g.Count, ct);
        return new DeadlineBoard(counts, byAgency, byField, overdue.Rows, overdue.Total, approaching.Rows, approaching.Total, agencies, fields, overdueSupplements)
        {
            StepCounts = stepCounts,
        };
    }

    /// <summary>The statuses whose dossiers the board counts: running ones (paused ones are not advancing).</summary>
    private static readonly DossierStatus[] Running = [DossierStatus.Received, DossierStatus.InProcess];

    /// <summary>
    /// The running dossiers per holding agency, field and level that <paramref name="scope"/> may see, under the
    /// filter's agency and field: a read of the few rows of <see cref="BoardCounter"/>, not a GROUP BY over the
    /// dossiers (which costs hundreds of milliseconds at a million).
    /// </summary>
    public static IQueryable<BoardCount> CountsQuery(PublicServiceDbContext db, StaffScope scope, DeadlineBoardFilter filter)
    {
        var counters = db.BoardCounters.AsNoTracking().VisibleTo(scope).Where(c => Running.Contains(c.Status) && c.Count > 0);
        if (filter.AgencyId is { } agencyId) counters = counters.Where(c => c.AgencyId == agencyId);
        if (filter.FieldId is { } fieldId) counters = counters.Where(c => c.FieldId == fieldId);
        return counters
            .GroupBy(c => new { c.AgencyId, c.FieldId, c.AlertLevel })
            .Select(g => new BoardCount(g.Key.AgencyId, g.Key.FieldId, g.Key.AlertLevel, g.Sum(c => c.Count)));
    }

    private static readonly StringComparer VietnameseOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false);

    private static List<DeadlineBoardGroup> Breakdown(IEnumerable<(int Id, AlertLevel Level, int Count)> counts, IReadOnlyDictionary<int, string> names) =>
        counts.GroupBy(c => c.Id)
            .Select(g => new DeadlineBoardGroup(g.Key, names.GetValueOrDefault(g.Key, $"#{g.Key}"),
                g.GroupBy(c => c.Level).ToDictionary(l => l.Key, l => l.Sum(c => c.Count))))
            .OrderByDescending(g => g.Count(AlertLevel.Overdue))
            .ThenByDescending(g => g.Count(AlertLevel.DueToday) + g.Count(AlertLevel.Approaching))
            .ThenBy(g => g.Name, VietnameseOrder)
            .ToList();
}
