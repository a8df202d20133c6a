using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Calendar;
using PublicService.Domain.Persistence;
using PublicService.Domain.Staff;

namespace PublicService.Domain.Dossiers;

/// <summary>
/// Which dossiers the log book lists: those received from <see cref="From"/> to <see cref="To"/> inclusive (dates
/// in Vietnam time), optionally only one implementing agency's (cơ quan chủ trì) or one procedure's.
/// </summary>
public sealed record LogBookFilter(DateOnly From, DateOnly To, int? AgencyId = null, int? ProcedureId = null)
{
    /// <summary>A year and a bit: a log book is kept per month, quarter or year; more is a mistake, not a report.</summary>
    public const int MaxDays = 400;

    public void EnsureValid()
    {
        if (To < From)
            throw new DomainException("logbook.period.order",
                $"Ngày kết thúc ({To:dd/MM/yyyy}) phải từ ngày bắt đầu ({From:dd/MM/yyyy}) trở đi.", nameof(To));
        if (To.DayNumber - From.DayNumber + 1 > MaxDays)
            throw new DomainException("logbook.period.too-long",
                $"Khoảng thời gian dài quá {MaxDays} ngày; hãy chọn theo tháng, quý hoặc năm.", nameof(To));
    }

    /// <summary>[start, end) in UTC: 00:00 of <see cref="From"/> to 00:00 after <see cref="To"/>, Vietnam time.</summary>
    public (DateTime FromUtc, DateTime ToUtc) UtcBounds() =>
        (VietnamTime.ToUtc(From, TimeOnly.MinValue), VietnamTime.ToUtc(To.AddDays(1), TimeOnly.MinValue));
}

/// <summary>One line of the log book (Sổ theo dõi hồ sơ, Mẫu 06).</summary>
public sealed record LogBookRow(
    int Number,
    long Id,
    string Code,
    string ProcedureCode,
    string ProcedureName,
    string ApplicantName,
    string? ApplicantAddress,
    string? ApplicantPhone,
    string AgencyName,
    DateTime ReceivedAtUtc,
    DateTime DueAtUtc,
    DateTime? SentToAgencyAtUtc,
    DateTime? FinishedAtUtc,
    DateTime? ReturnedAtUtc,
    DossierStatus Status,
    DateTime? NewAppointmentUtc)
{
    /// <summary>
    /// The note column: how the dossier ended when not by a result, whether the result came late (by date, as the
    /// quality index counts), and a new appointment promised by an apology letter.
    /// </summary>
    public string Note
    {
        get
        {
            var notes = new List<string>();
            if (Status is DossierStatus.Stopped or DossierStatus.Withdrawn or DossierStatus.Cancelled)
                notes.Add(DossierText.StatusName(Status));
            else if (FinishedAtUtc is { } finished)
                notes.Add(TimelinessRules.Of(finished, DueAtUtc).Vietnamese());
            if (NewAppointmentUtc is { } appointment)
                notes.Add($"Hẹn lại {VietnamTime.ToLocal(appointment):dd/MM/yyyy}");
            return string.Join("; ", notes);
        }
    }
}

public sealed record LogBookPage(IReadOnlyList<LogBookRow> Rows, int Total);

/// <summary>
/// The log book of the dossiers received in a period, one line per dossier in order of receipt, inside the
/// reader's <see cref="StaffScope"/> like every other dossier list. The screen reads it a page at a time; the
/// export streams all of it.
/// </summary>
public static class LogBook
{
    public static async Task<LogBookPage> PageAsync(PublicServiceDbContext db, StaffScope scope, LogBookFilter filter,
        int page, int pageSize, CancellationToken ct = default)
    {
        if (page < 0 || pageSize is < 1 or > 500)
            throw new DomainException("logbook.paging", "Trang hoặc số dòng mỗi trang không hợp lệ.", "Page");
        var query = Matching(db, scope, filter);
        var total = await query.CountAsync(ct);
        var skip = page * pageSize;
        var rows = await Project(db, Ordered(query).Skip(skip).Take(pageSize)).ToListAsync(ct);
        return new LogBookPage([.. rows.Select((r, i) => r with { Number = skip + i + 1 })], total);
    }

    /// <summary>
    /// Every line of the period, read from the database as it is consumed, so an export never holds the period in
    /// memory. Synchronous because the spreadsheet writer pulls rows synchronously.
    /// </summary>
    public static IEnumerable<LogBookRow> Stream(PublicServiceDbContext db, StaffScope scope, LogBookFilter filter)
    {
        var query = Project(db, Ordered(Matching(db, scope, filter)));
        return Numbered(query.AsEnumerable());

        static IEnumerable<LogBookRow> Numbered(IEnumerable<LogBookRow> rows)
        {
            var number = 0;
            foreach (var row in rows)
                yield return row with { Number = ++number };
        }
    }

    private static IQueryable<Dossier> Matching(PublicServiceDbContext db, StaffScope scope, LogBookFilter filter)
    {
        filter.EnsureValid();
        var (fromUtc, toUtc) = filter.UtcBounds();
        var query = db.Dossiers.AsNoTracking().VisibleTo(scope)
            .Where(d => d.ReceivedAtUtc >= fromUtc && d.ReceivedAtUtc < toUtc);
        if (filter.ProcedureId is { } procedureId)
            query = query.Where(d => d.ProcedureId == procedureId);
        if (filter.AgencyId is { } agencyId)
            query = query.Where(d => db.ProcedureVersions.Any(v => v.Id == d.ProcedureVersionId && v.ImplementingAgencyId == agencyId));
        return query;
    }

    private static IQueryable<Dossier> Ordered(IQueryable<Dossier> query) =>
        query.OrderBy(d => d.ReceivedAtUtc).ThenBy(d => d.Id);

    private static IQueryable<LogBookRow> Project(PublicServiceDbContext db, IQueryable<Dossier> query) =>
        from d in query
        join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
        select new LogBookRow(
            0,
            d.Id,
            d.Code,
            db.Procedures.IgnoreAutoIncludes().Where(p => p.Id == d.ProcedureId).Select(p => p.Code).First(),
            v.Name,
            d.Applicant.Name,
            d.Applicant.Address,
            d.Applicant.Phone,
            db.Agencies.Where(a => a.Id == v.ImplementingAgencyId).Select(a => a.Name).First(),
            d.ReceivedAtUtc,
            d.DueAtUtc,
            d.Events.Where(e => e.Type == DossierEventType.ProcessingStarted).Select(e => (DateTime?)e.AtUtc).FirstOrDefault(),
            d.Status == DossierStatus.Cancelled ? null : d.FinishedAtUtc,
            d.Events.Where(e => e.Type == DossierEventType.ResultReturned).Select(e => (DateTime?)e.AtUtc).FirstOrDefault(),
            d.Status,
            d.NewAppointmentUtc);
}
