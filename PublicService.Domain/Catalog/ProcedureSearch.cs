using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Calendar;
using PublicService.Domain.Persistence;

namespace PublicService.Domain.Catalog;

/// <summary>What the procedure list can be sorted by.</summary>
public enum ProcedureSort
{
    Code = 1,
    /// <summary>By the folded name, so that "Đăng ký" sorts among the D's rather than after Z.</summary>
    Name = 2,
    Field = 3,
    Agency = 4,
    /// <summary>By the default case's processing-time unit, then amount (the indexed pair).</summary>
    Time = 5,
    EffectiveFrom = 6,
}

/// <summary>
/// A question to the procedure list: free text matched against code and name ignoring diacritics and case, filters
/// (null: any), a sort and a zero-based page.
/// </summary>
public sealed record ProcedureFilter
{
    public const int MaxPageSize = 200;

    public string? Text { get; init; }
    public int? FieldId { get; init; }

    /// <summary>The implementing agency (cơ quan thực hiện).</summary>
    public int? AgencyId { get; init; }

    public int? LevelId { get; init; }

    /// <summary>The status of the procedure's listed version (see <see cref="ProcedureSearch"/>).</summary>
    public VersionStatus? Status { get; init; }

    /// <summary>The unit of the default case's processing time.</summary>
    public TimeUnit? TimeUnit { get; init; }

    /// <summary>
    /// Only procedures a dossier can still be received under on that day: listed version published, or retired from
    /// a later day (reception's picker). Whether a version is already in force that day is
    /// <see cref="ProcedureVersions.InForceOnAsync"/>'s question once one is picked.
    /// </summary>
    public DateOnly? ReceivableOn { get; init; }

    public ProcedureSort Sort { get; init; } = ProcedureSort.Code;
    public bool Descending { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;
}

/// <summary>One procedure as the list shows it: its listed version and the names it references.</summary>
public sealed record ProcedureRow(
    int ProcedureId,
    string Code,
    int VersionNumber,
    VersionStatus Status,
    DateOnly? EffectiveFrom,
    string Name,
    ProcedureKind Kind,
    int FieldId,
    string FieldName,
    int AgencyId,
    string AgencyName,
    int TimeAmount,
    TimeUnit TimeUnit,
    bool HasDraft,
    DateOnly? RetiredFrom = null)
{
    public ProcessingTime Time => new(TimeAmount, TimeUnit);
}

/// <summary>A page of rows and how many procedures match in all.</summary>
public sealed record ProcedurePage(IReadOnlyList<ProcedureRow> Rows, int Total);

/// <summary>
/// How many procedures each filter value would give, every other filter (and the text) applied: the numbers shown
/// beside the choices. Values with no procedure are absent.
/// </summary>
public sealed record ProcedureFacets(
    IReadOnlyDictionary<int, int> Fields,
    IReadOnlyDictionary<int, int> Agencies,
    IReadOnlyDictionary<int, int> Levels,
    IReadOnlyDictionary<VersionStatus, int> Statuses,
    IReadOnlyDictionary<TimeUnit, int> TimeUnits);

/// <summary>
/// The procedure list's query, paged, sorted and filtered in the database. A procedure is listed through one version:
/// its latest non-draft version (published, or retired when it was abolished), or its draft when it was never
/// published. Text is folded with <see cref="VietnameseText.Fold"/> and every word must occur in
/// <see cref="ProcedureVersion.NameSearch"/> (name and code).
/// </summary>
public static class ProcedureSearch
{
    /// <summary>The page of rows <paramref name="filter"/> asks for, and the total that match.</summary>
    public static async Task<ProcedurePage> SearchAsync(
        PublicServiceDbContext db, ProcedureFilter filter, CancellationToken ct = default)
    {
        var matching = Filtered(db, filter);
        var total = await matching.CountAsync(ct);

        var rows =
            from v in matching
            join p in db.Procedures.IgnoreAutoIncludes() on v.ProcedureId equals p.Id
            join f in db.Fields on v.FieldId equals f.Id
            join a in db.Agencies on v.ImplementingAgencyId equals a.Id
            select new { v, p.Code, FieldName = f.Name, AgencyName = a.Name };

        var sorted = (filter.Sort, filter.Descending) switch
        {
            (ProcedureSort.Name, false) => rows.OrderBy(r => r.v.NameSearch),
            (ProcedureSort.Name, true) => rows.OrderByDescending(r => r.v.NameSearch),
            (ProcedureSort.Field, false) => rows.OrderBy(r => r.FieldName).ThenBy(r => r.Code),
            (ProcedureSort.Field, true) => rows.OrderByDescending(r => r.FieldName).ThenBy(r => r.Code),
            (ProcedureSort.Agency, false) => rows.OrderBy(r => r.AgencyName).ThenBy(r => r.Code),
            (ProcedureSort.Agency, true) => rows.OrderByDescending(r => r.AgencyName).ThenBy(r => r.Code),
            (ProcedureSort.Time, false) => rows.OrderBy(r => r.v.DefaultTimeUnit).ThenBy(r => r.v.DefaultTimeAmount).ThenBy(r => r.Code),
            (ProcedureSort.Time, true) => rows.OrderByDescending(r => r.v.DefaultTimeUnit).ThenByDescending(r => r.v.DefaultTimeAmount).ThenBy(r => r.Code),
            (ProcedureSort.EffectiveFrom, false) => rows.OrderBy(r => r.v.EffectiveFrom).ThenBy(r => r.Code),
            (ProcedureSort.EffectiveFrom, true) => rows.OrderByDescending(r => r.v.EffectiveFrom).ThenBy(r => r.Code),
            (_, true) => rows.OrderByDescending(r => r.Code),
            _ => rows.OrderBy(r => r.Code),
        };

        var pageSize = Math.Clamp(filter.PageSize, 1, ProcedureFilter.MaxPageSize);
        var page = await sorted
            .Skip(Math.Max(filter.Page, 0) * pageSize)
            .Take(pageSize)
            .Select(r => new ProcedureRow(
                r.v.ProcedureId,
                r.Code,
                r.v.Number,
                r.v.Status,
                r.v.EffectiveFrom,
                r.v.Name,
                r.v.Kind,
                r.v.FieldId,
                r.FieldName,
                r.v.ImplementingAgencyId,
                r.AgencyName,
                r.v.DefaultTimeAmount,
                r.v.DefaultTimeUnit,
                db.ProcedureVersions.Any(d => d.ProcedureId == r.v.ProcedureId && d.Status == VersionStatus.Draft),
                r.v.RetiredFrom))
            .ToListAsync(ct);

        return new ProcedurePage(page, total);
    }

    /// <summary>The counts beside each filter value; each dimension ignores its own filter but applies the others.</summary>
    /// <remarks>
    /// One query brings the five filter columns of every listed version matching the text (a catalog holds a few
    /// thousand procedures), and the counts are made here: five grouped queries, each re-running the per-procedure
    /// version lookup, cost several times more.
    /// </remarks>
    public static async Task<ProcedureFacets> CountAsync(
        PublicServiceDbContext db, ProcedureFilter filter, CancellationToken ct = default)
    {
        var rows = await Filtered(db, filter with { FieldId = null, AgencyId = null, LevelId = null, Status = null, TimeUnit = null })
            .Select(v => new FacetRow(
                v.FieldId, v.ImplementingAgencyId, EF.Property<List<int>>(v, LevelIdsColumn), v.Status, v.DefaultTimeUnit))
            .ToListAsync(ct);

        bool Keep(FacetRow row, string except) =>
            (except == nameof(ProcedureFilter.FieldId) || filter.FieldId is null || row.FieldId == filter.FieldId)
            && (except == nameof(ProcedureFilter.AgencyId) || filter.AgencyId is null || row.AgencyId == filter.AgencyId)
            && (except == nameof(ProcedureFilter.LevelId) || filter.LevelId is null || row.LevelIds.Contains(filter.LevelId.Value))
            && (except == nameof(ProcedureFilter.Status) || filter.Status is null || row.Status == filter.Status)
            && (except == nameof(ProcedureFilter.TimeUnit) || filter.TimeUnit is null || row.TimeUnit == filter.TimeUnit);

        Dictionary<TKey, int> Count<TKey>(string dimension, Func<FacetRow, IEnumerable<TKey>> keys) where TKey : notnull =>
            rows.Where(r => Keep(r, dimension)).SelectMany(keys).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

        return new ProcedureFacets(
            Count<int>(nameof(ProcedureFilter.FieldId), r => [r.FieldId]),
            Count<int>(nameof(ProcedureFilter.AgencyId), r => [r.AgencyId]),
            Count(nameof(ProcedureFilter.LevelId), r => r.LevelIds.Distinct()),
            Count<VersionStatus>(nameof(ProcedureFilter.Status), r => [r.Status]),
            Count<TimeUnit>(nameof(ProcedureFilter.TimeUnit), r => [r.TimeUnit]));
    }

    /// <summary>
    /// The listed versions matching <paramref name="filter"/>, unsorted and unpaged: what <see cref="SearchAsync"/>
    /// counts and pages, for reports and for checking the query plan.
    /// </summary>
    public static IQueryable<ProcedureVersion> Query(PublicServiceDbContext db, ProcedureFilter filter) =>
        Filtered(db, filter);

    /// <summary>The words of <paramref name="text"/>, folded; empty when there is nothing to search for.</summary>
    public static IReadOnlyList<string> SearchTerms(string? text) =>
        VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private const string LevelIdsColumn = "_levelIds";

    private sealed record FacetRow(int FieldId, int AgencyId, List<int> LevelIds, VersionStatus Status, TimeUnit TimeUnit);

    /// <summary>The listed versions matching <paramref name="filter"/>.</summary>
    private static IQueryable<ProcedureVersion> Filtered(PublicServiceDbContext db, ProcedureFilter filter)
    {
        var query = Listed(db);
        foreach (var term in SearchTerms(filter.Text))
        {
            query = query.Where(v => v.NameSearch.Contains(term));
        }

        if (filter.FieldId is { } fieldId)
        {
            query = query.Where(v => v.FieldId == fieldId);
        }

        if (filter.AgencyId is { } agencyId)
        {
            query = query.Where(v => v.ImplementingAgencyId == agencyId);
        }

        if (filter.LevelId is { } levelId)
        {
            query = query.Where(v => EF.Property<List<int>>(v, LevelIdsColumn).Contains(levelId));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(v => v.Status == status);
        }

        if (filter.TimeUnit is { } unit)
        {
            query = query.Where(v => v.DefaultTimeUnit == unit);
        }

        if (filter.ReceivableOn is { } day)
        {
            query = query.Where(v => v.Status == VersionStatus.Published || (v.Status == VersionStatus.Retired && v.RetiredFrom > day));
        }

        return query;
    }

    /// <summary>
    /// One version per procedure: the highest-numbered non-draft one, else the draft. Versions are published in
    /// number order (each effective date later than the last), so that is the latest published or retired version.
    /// The correlated subquery seeks the (ProcedureId, Number) index, a handful of rows per procedure.
    /// </summary>
    private static IQueryable<ProcedureVersion> Listed(PublicServiceDbContext db) =>
        db.ProcedureVersions.AsNoTracking().Where(v => v.Id == db.ProcedureVersions
            .Where(w => w.ProcedureId == v.ProcedureId)
            .OrderBy(w => w.Status == VersionStatus.Draft ? 1 : 0)
            .ThenByDescending(w => w.Number)
            .Select(w => w.Id)
            .First());
}
