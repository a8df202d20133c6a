using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Persistence;
using PublicService.Domain.Staff;

namespace PublicService.Domain.Reporting;

/// <summary>What one row of the progress report stands for.</summary>
public enum ReportGrouping
{
    Agency = 1,
    Field = 2,
    Procedure = 3,
    Officer = 4,
}

/// <summary>What the report covers: a period, a grouping, and optionally one agency and/or one field.</summary>
public sealed record ProgressReportQuery(ReportPeriod Period, ReportGrouping GroupBy, int? AgencyId = null, int? FieldId = null);

/// <summary>
/// The figures of one row (or of the total) of the progress report; see <see cref="ProgressReport"/> for the exact
/// counting rules. Every dossier counted in <see cref="Received"/> is in exactly one of finished, withdrawn, in
/// progress or paused, so <c>Received == Finished + Withdrawn + InProgress + Paused</c>.
/// </summary>
public sealed record ProgressFigures(
    int CarriedOver,
    int NewInPerson,
    int NewOnline,
    int NewPost,
    int FinishedEarly,
    int FinishedOnTime,
    int FinishedLate,
    int Withdrawn,
    int InProgressWithinTime,
    int InProgressOverdue,
    int PausedSupplement,
    int PausedPayment)
{
    public static ProgressFigures Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public int New => NewInPerson + NewOnline + NewPost;
    public int Received => CarriedOver + New;
    public int Finished => FinishedEarly + FinishedOnTime + FinishedLate;
    public int InProgress => InProgressWithinTime + InProgressOverdue;
    public int Paused => PausedSupplement + PausedPayment;

    /// <summary>(early + on time) ÷ finished, between 0 and 1; null when nothing was finished.</summary>
    public double? OnTimeRate => Rate(FinishedEarly + FinishedOnTime, Finished);

    public static ProgressFigures operator +(ProgressFigures a, ProgressFigures b) => new(
        a.CarriedOver + b.CarriedOver, a.NewInPerson + b.NewInPerson, a.NewOnline + b.NewOnline, a.NewPost + b.NewPost,
        a.FinishedEarly + b.FinishedEarly, a.FinishedOnTime + b.FinishedOnTime, a.FinishedLate + b.FinishedLate,
        a.Withdrawn + b.Withdrawn, a.InProgressWithinTime + b.InProgressWithinTime, a.InProgressOverdue + b.InProgressOverdue,
        a.PausedSupplement + b.PausedSupplement, a.PausedPayment + b.PausedPayment);

    internal static double? Rate(int onTime, int finished) => finished == 0 ? null : (double)onTime / finished;
}

/// <summary>
/// One row: an agency, field, procedure or officer. <see cref="Name"/> is null for the officer row of dossiers no
/// processing officer has acted on yet (the page names it in the UI language).
/// </summary>
public sealed record ProgressRow(string Key, string? Code, string? Name, ProgressFigures Figures);

/// <summary>One month of the trend: dossiers received new in it, finished in it, and of those early or on time.</summary>
public sealed record ProgressMonth(int Year, int Month, int Received, int Finished, int FinishedInTime, int FinishedLate)
{
    public double? OnTimeRate => ProgressFigures.Rate(FinishedInTime, Finished);
    public string Label => $"{Month:00}/{Year}";
}

public sealed record ProgressReportOption(int Id, string Name);

/// <summary>
/// The progress report of dossier handling (báo cáo tình hình, kết quả giải quyết hồ sơ, as in the service-quality
/// index of Decision 766/QĐ-TTg), counted in the database with grouped queries.
/// <para>Counting rules, for a period of whole Vietnam days [From, To] = [StartUtc, EndUtc); cancelled dossiers
/// (entered in error) are never counted:</para>
/// <list type="bullet">
/// <item><b>Carried over</b>: received before StartUtc and not finished/withdrawn before StartUtc.</item>
/// <item><b>New</b>: received in the period, split by the channel it was received through.</item>
/// <item><b>Finished</b>: result recorded (or processing stopped with a refusal) in the period, classified by comparing
/// the Vietnam <b>date</b> of finishing with the Vietnam <b>date</b> of <see cref="Dossier.DueAtUtc"/> (already moved
/// by pauses; an apology's new appointment does not excuse lateness): an earlier date is <b>early</b>, the same date
/// is <b>on time</b> (whatever the hour, e.g. 17:30 on a 17:00 due day), a later date is <b>late</b>.</item>
/// <item><b>Withdrawn</b>: withdrawn at the applicant's request in the period (neither finished nor open).</item>
/// <item><b>Paused</b>: still open at EndUtc and, at that instant, waiting for a supplement or for a fee/tax (the
/// latest pause or resume event before EndUtc decides).</item>
/// <item><b>In progress</b>: still open at EndUtc and not paused; <b>overdue</b> when DueAtUtc is before the
/// earlier of EndUtc and now (for a current period, overdue today), otherwise within time.</item>
/// <item><b>Rate</b>: (early + on time) ÷ finished; none when nothing was finished.</item>
/// <item><b>Agency</b>: the agency holding the dossier (its current or last step's agency; the receiving agency at
/// reception), as on the board. A supervisor of some agencies counts only dossiers attributed to those agencies.</item>
/// <item><b>Officer</b>: the account that last acted as processing officer (transfer, supplement request, fee wait or
/// confirmation, result, refusal, apology); none while the dossier has not reached one.</item>
/// </list>
/// The trend counts, per Vietnam month, new dossiers and finished ones with the same rules, over the twelve months
/// ending with the period's last month (or the period's months when it is longer).
/// </summary>
public sealed record ProgressReport(
    ProgressReportQuery Query,
    DateTime AsOfUtc,
    IReadOnlyList<ProgressRow> Rows,
    ProgressFigures Total,
    IReadOnlyList<ProgressMonth> Trend,
    IReadOnlyList<ProgressReportOption> Agencies,
    IReadOnlyList<ProgressReportOption> Fields)
{
    public const int TrendMonths = 12;

    // Events by which a processing officer acts on a dossier; their latest actor is the dossier's officer.
    private static readonly DossierEventType[] OfficerEvents =
    [
        DossierEventType.TransferredToNextStep, DossierEventType.SupplementRequested, DossierEventType.PaymentAwaited,
        DossierEventType.PaymentConfirmed, DossierEventType.ResultRecorded, DossierEventType.Stopped, DossierEventType.ApologyIssued,
    ];

    private static readonly DossierEventType[] PauseEvents =
    [
        DossierEventType.SupplementRequested, DossierEventType.SupplementReceived,
        DossierEventType.PaymentAwaited, DossierEventType.PaymentConfirmed,
    ];

    private static readonly DossierStatus[] FinishedStatuses = [DossierStatus.ResultReady, DossierStatus.Returned, DossierStatus.Stopped];

    private static readonly StringComparer VietnameseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);

    /// <summary>The report as <paramref name="scope"/> may see it, at <paramref name="nowUtc"/>.</summary>
    public static async Task<ProgressReport> LoadAsync(
        PublicServiceDbContext db, ProgressReportQuery query, DateTime nowUtc, StaffScope scope, CancellationToken ct = default)
    {
        var allAgencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(ct);
        var agencies = allAgencies.Where(a => scope.SeesAllAgencies || scope.AgencyIds.Contains(a.Id))
            .Select(a => new ProgressReportOption(a.Id, a.Name)).OrderBy(a => a.Name, VietnameseOrder).ToList();
        var fields = await db.Fields.AsNoTracking().Select(f => new { f.Id, f.Code, f.Name }).ToListAsync(ct);

        var period = query.Period;
        var start = period.StartUtc;
        var end = period.EndUtc;
        var asOf = nowUtc < end ? nowUtc : end;

        var scoped = Scoped(db, query, scope);
        var facts =
            from x in scoped
            where x.Dossier.ReceivedAtUtc < end && (x.Dossier.FinishedAtUtc == null || x.Dossier.FinishedAtUtc >= start)
            let d = x.Dossier
            let finishedIn = d.FinishedAtUtc >= start && d.FinishedAtUtc < end && FinishedStatuses.Contains(d.Status)
            let openAtEnd = d.FinishedAtUtc == null || d.FinishedAtUtc >= end
            // The pause state at the end of the period: the latest pause/resume event before it.
            let pause = openAtEnd
                ? db.DossierEvents.Where(e => e.DossierId == d.Id && PauseEvents.Contains(e.Type) && e.AtUtc < end)
                    .OrderByDescending(e => e.Sequence).Select(e => (DossierEventType?)e.Type).FirstOrDefault()
                : null
            let paused = pause == DossierEventType.SupplementRequested || pause == DossierEventType.PaymentAwaited
            select new Fact
            {
                AgencyId = x.AgencyId,
                FieldId = x.FieldId,
                ProcedureId = d.ProcedureId,
                Officer = query.GroupBy == ReportGrouping.Officer
                    ? db.DossierEvents.Where(e => e.DossierId == d.Id && OfficerEvents.Contains(e.Type))
                        .OrderByDescending(e => e.Sequence).Select(e => e.Actor).FirstOrDefault()
                    : null,
                CarriedOver = d.ReceivedAtUtc < start ? 1 : 0,
                NewInPerson = d.ReceivedAtUtc >= start && d.Channel == Channel.InPerson ? 1 : 0,
                NewOnline = d.ReceivedAtUtc >= start && d.Channel == Channel.Online ? 1 : 0,
                NewPost = d.ReceivedAtUtc >= start && d.Channel == Channel.Post ? 1 : 0,
                FinishedEarly = finishedIn && d.FinishedAtUtc!.Value.AddHours(7).Date < d.DueAtUtc.AddHours(7).Date ? 1 : 0,
                FinishedOnTime = finishedIn && d.FinishedAtUtc!.Value.AddHours(7).Date == d.DueAtUtc.AddHours(7).Date ? 1 : 0,
                FinishedLate = finishedIn && d.FinishedAtUtc!.Value.AddHours(7).Date > d.DueAtUtc.AddHours(7).Date ? 1 : 0,
                Withdrawn = d.FinishedAtUtc < end && d.Status == DossierStatus.Withdrawn ? 1 : 0,
                InProgressWithinTime = openAtEnd && !paused && d.DueAtUtc >= asOf ? 1 : 0,
                InProgressOverdue = openAtEnd && !paused && d.DueAtUtc < asOf ? 1 : 0,
                PausedSupplement = openAtEnd && pause == DossierEventType.SupplementRequested ? 1 : 0,
                PausedPayment = openAtEnd && pause == DossierEventType.PaymentAwaited ? 1 : 0,
            };

        var grouped = query.GroupBy switch
        {
            ReportGrouping.Agency => await Sum(facts.GroupBy(f => f.AgencyId.ToString()), ct),
            ReportGrouping.Field => await Sum(facts.GroupBy(f => f.FieldId.ToString()), ct),
            ReportGrouping.Procedure => await Sum(facts.GroupBy(f => f.ProcedureId.ToString()), ct),
            ReportGrouping.Officer => await Sum(facts.GroupBy(f => f.Officer), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.GroupBy, null),
        };

        var rows = await NameAsync(db, query.GroupBy, grouped, allAgencies.ToDictionary(a => a.Id, a => (a.Code, a.Name)),
            fields.ToDictionary(f => f.Id, f => (f.Code, f.Name)), ct);
        var total = rows.Aggregate(ProgressFigures.Zero, (sum, r) => sum + r.Figures);
        var trend = await TrendAsync(scoped, period, ct);
        return new ProgressReport(query, asOf, rows, total, trend, agencies,
            fields.Select(f => new ProgressReportOption(f.Id, f.Name)).OrderBy(f => f.Name, VietnameseOrder).ToList());
    }

    /// <summary>
    /// The scope's dossiers with the agency they are attributed to and their field, narrowed by the filters.
    /// <see cref="StaffScopeQueries.VisibleTo"/> also admits a dossier merely received by one of the supervisor's
    /// agencies but now at another's step; a report counts it for the agency holding it, so that a supervisor's
    /// figures never include another agency's.
    /// </summary>
    private static IQueryable<ScopedDossier> Scoped(PublicServiceDbContext db, ProgressReportQuery query, StaffScope scope)
    {
        var scoped =
            from d in db.Dossiers.AsNoTracking().VisibleTo(scope)
            where d.Status != DossierStatus.Cancelled
            join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
            select new ScopedDossier { Dossier = d, AgencyId = d.CurrentAgencyId ?? d.ReceivingAgencyId, FieldId = v.FieldId };
        if (!scope.SeesAllAgencies)
        {
            var own = scope.AgencyIds.ToList();
            scoped = scoped.Where(x => own.Contains(x.AgencyId));
        }
        if (query.AgencyId is { } agencyId) scoped = scoped.Where(x => x.AgencyId == agencyId);
        if (query.FieldId is { } fieldId) scoped = scoped.Where(x => x.FieldId == fieldId);
        return scoped;
    }

    private static async Task<List<(string? Key, ProgressFigures Figures)>> Sum(IQueryable<IGrouping<string?, Fact>> groups, CancellationToken ct)
    {
        var sums = await groups.Select(g => new
        {
            g.Key,
            CarriedOver = g.Sum(f => f.CarriedOver),
            NewInPerson = g.Sum(f => f.NewInPerson),
            NewOnline = g.Sum(f => f.NewOnline),
            NewPost = g.Sum(f => f.NewPost),
            FinishedEarly = g.Sum(f => f.FinishedEarly),
            FinishedOnTime = g.Sum(f => f.FinishedOnTime),
            FinishedLate = g.Sum(f => f.FinishedLate),
            Withdrawn = g.Sum(f => f.Withdrawn),
            InProgressWithinTime = g.Sum(f => f.InProgressWithinTime),
            InProgressOverdue = g.Sum(f => f.InProgressOverdue),
            PausedSupplement = g.Sum(f => f.PausedSupplement),
            PausedPayment = g.Sum(f => f.PausedPayment),
        }).ToListAsync(ct);
        return sums.Select(g => (g.Key, new ProgressFigures(
            g.CarriedOver, g.NewInPerson, g.NewOnline, g.NewPost, g.FinishedEarly, g.FinishedOnTime, g.FinishedLate,
            g.Withdrawn, g.InProgressWithinTime, g.InProgressOverdue, g.PausedSupplement, g.PausedPayment))).ToList();
    }

    private static async Task<List<ProgressRow>> NameAsync(
        PublicServiceDbContext db, ReportGrouping grouping, List<(string? Key, ProgressFigures Figures)> groups,
        Dictionary<int, (string Code, string Name)> agencies, Dictionary<int, (string Code, string Name)> fields, CancellationToken ct)
    {
        Dictionary<string, (string? Code, string Name)> names;
        switch (grouping)
        {
            case ReportGrouping.Agency:
                names = agencies.ToDictionary(a => a.Key.ToString(CultureInfo.InvariantCulture), a => ((string?)a.Value.Code, a.Value.Name));
                break;
            case ReportGrouping.Field:
                names = fields.ToDictionary(f => f.Key.ToString(CultureInfo.InvariantCulture), f => ((string?)f.Value.Code, f.Value.Name));
                break;
            case ReportGrouping.Procedure:
                var ids = groups.Select(g => int.Parse(g.Key!, CultureInfo.InvariantCulture)).ToList();
                // The newest version's name: a renamed procedure is reported under its current name.
                var versions = await (
                    from p in db.Procedures.IgnoreAutoIncludes()
                    where ids.Contains(p.Id)
                    join v in db.ProcedureVersions on p.Id equals v.ProcedureId
                    select new { p.Id, p.Code, v.Number, v.Name }).ToListAsync(ct);
                names = versions.GroupBy(v => v.Id).ToDictionary(
                    g => g.Key.ToString(CultureInfo.InvariantCulture),
                    g => ((string?)g.First().Code, g.OrderByDescending(v => v.Number).First().Name));
                break;
            default:
                var actors = groups.Select(g => g.Key).OfType<string>().ToList();
                var users = await db.Users.AsNoTracking().Where(u => actors.Contains(u.UserName!))
                    .Select(u => new { u.UserName, u.FullName }).ToListAsync(ct);
                names = actors.ToDictionary(a => a, a => ((string?)a, users.FirstOrDefault(u => u.UserName == a)?.FullName ?? a));
                break;
        }

        return groups
            .Select(g => g.Key is null
                ? new ProgressRow("", null, null, g.Figures)
                : names.TryGetValue(g.Key, out var name)
                    ? new ProgressRow(g.Key, name.Code, name.Name, g.Figures)
                    : new ProgressRow(g.Key, null, $"#{g.Key}", g.Figures))
            .OrderBy(r => r.Name is null)
            .ThenBy(r => r.Name, VietnameseOrder)
            .ToList();
    }

    private static async Task<IReadOnlyList<ProgressMonth>> TrendAsync(IQueryable<ScopedDossier> scoped, ReportPeriod period, CancellationToken ct)
    {
        var lastMonth = new DateOnly(period.To.Year, period.To.Month, 1);
        var firstMonth = lastMonth.AddMonths(1 - TrendMonths);
        var periodMonth = new DateOnly(period.From.Year, period.From.Month, 1);
        if (periodMonth < firstMonth) firstMonth = periodMonth;
        var start = VietnamTime.ToUtc(firstMonth, TimeOnly.MinValue);
        var end = period.EndUtc;

        var received = await scoped
            .Where(x => x.Dossier.ReceivedAtUtc >= start && x.Dossier.ReceivedAtUtc < end)
            .Select(x => x.Dossier.ReceivedAtUtc.AddHours(7))
            .GroupBy(local => new { local.Year, local.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct);
        var finished = await scoped
            .Where(x => x.Dossier.FinishedAtUtc >= start && x.Dossier.FinishedAtUtc < end && FinishedStatuses.Contains(x.Dossier.Status))
            .Select(x => new { Local = x.Dossier.FinishedAtUtc!.Value.AddHours(7), Late = x.Dossier.FinishedAtUtc!.Value.AddHours(7).Date > x.Dossier.DueAtUtc.AddHours(7).Date ? 1 : 0 })
            .GroupBy(f => new { f.Local.Year, f.Local.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count(), Late = g.Sum(f => f.Late) })
            .ToListAsync(ct);

        var months = new List<ProgressMonth>();
        for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
        {
            var r = received.FirstOrDefault(x => x.Year == month.Year && x.Month == month.Month)?.Count ?? 0;
            var f = finished.FirstOrDefault(x => x.Year == month.Year && x.Month == month.Month);
            months.Add(new ProgressMonth(month.Year, month.Month, r, f?.Count ?? 0, (f?.Count ?? 0) - (f?.Late ?? 0), f?.Late ?? 0));
        }
        return months;
    }

    private sealed class ScopedDossier
    {
        public required Dossier Dossier { get; init; }
        public required int AgencyId { get; init; }
        public required int FieldId { get; init; }
    }

    private sealed class Fact
    {
        public int AgencyId { get; init; }
        public int FieldId { get; init; }
        public int ProcedureId { get; init; }
        public string? Officer { get; init; }
        public int CarriedOver { get; init; }
        public int NewInPerson { get; init; }
        public int NewOnline { get; init; }
        public int NewPost { get; init; }
        public int FinishedEarly { get; init; }
        public int FinishedOnTime { get; init; }
        public int FinishedLate { get; init; }
        public int Withdrawn { get; init; }
        public int InProgressWithinTime { get; init; }
        public int InProgressOverdue { get; init; }
        public int PausedSupplement { get; init; }
        public int PausedPayment { get; init; }
    }
}
