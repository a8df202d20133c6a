using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PublicService.Console.Catalog;
using PublicService.Console.Components.Shared;
using PublicService.Console.Identity;
using PublicService.Domain;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Persistence;

namespace PublicService.Console.Dossiers;

/// <summary>
/// The log book (Sổ theo dõi hồ sơ) as an Excel file: Vietnamese headers, one row per dossier of the period, every
/// text cell neutralised against formula injection (an applicant's name is typed by the public). A GET link, like
/// the catalog download, because the content security policy forbids the inline script a JS download needs.
/// </summary>
public static class LogBookExport
{
    public const string Path = "/so-theo-doi/xuat-excel";

    public static readonly string[] Headers =
    [
        "STT", "Mã hồ sơ", "Mã thủ tục", "Tên thủ tục hành chính", "Tên cá nhân, tổ chức", "Địa chỉ, số điện thoại",
        "Cơ quan chủ trì giải quyết", "Ngày nhận hồ sơ", "Hẹn trả kết quả", "Ngày chuyển hồ sơ đến cơ quan giải quyết",
        "Ngày có kết quả", "Ngày trả kết quả", "Ghi chú",
    ];

    /// <summary>The link for a filter, with the dates as the page shows them (dd/MM/yyyy).</summary>
    public static string Link(LogBookFilter filter) =>
        $"{Path}?tu={Format.Date(filter.From)}&den={Format.Date(filter.To)}"
        + (filter.AgencyId is { } agency ? $"&co-quan={agency}" : "")
        + (filter.ProcedureId is { } procedure ? $"&thu-tuc={procedure}" : "");

    /// <summary>Parses the query the page and the link use; null with the Vietnamese reason when a date is wrong.</summary>
    public static (LogBookFilter? Filter, string? Error) Parse(string? from, string? to, int? agencyId, int? procedureId)
    {
        if (!TryDate(from, out var fromDate)) return (null, $"Ngày bắt đầu “{from}” không đúng dạng dd/MM/yyyy.");
        if (!TryDate(to, out var toDate)) return (null, $"Ngày kết thúc “{to}” không đúng dạng dd/MM/yyyy.");
        var filter = new LogBookFilter(fromDate, toDate, agencyId, procedureId);
        try { filter.EnsureValid(); }
        catch (DomainException e) { return (null, e.Error.Message); }
        return (filter, null);
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Format.DatePattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>One spreadsheet row: the header → value map MiniExcel writes, text neutralised.</summary>
    public static IDictionary<string, object?> Cells(LogBookRow row)
    {
        string? Instant(DateTime? utc) => utc is { } value ? Format.DateTime(value) : null;
        var contact = string.Join(", ", new[] { row.ApplicantAddress, row.ApplicantPhone }.Where(s => !string.IsNullOrWhiteSpace(s)));
        object?[] values =
        [
            row.Number, row.Code, row.ProcedureCode, row.ProcedureName, row.ApplicantName, contact, row.AgencyName,
            Instant(row.ReceivedAtUtc), Instant(row.DueAtUtc), Instant(row.SentToAgencyAtUtc), Instant(row.FinishedAtUtc),
            Instant(row.ReturnedAtUtc), row.Note,
        ];
        var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < Headers.Length; i++)
            cells[Headers[i]] = values[i] is string text ? CatalogFiles.Neutralize(text) : values[i];
        return cells;
    }

    /// <summary>Writes the rows as they come: MiniExcel pulls them one by one from the database query.</summary>
    public static void Write(IEnumerable<LogBookRow> rows, Stream stream) =>
        MiniExcel.SaveAs(stream, rows.Select(Cells), sheetName: "Sổ theo dõi hồ sơ", excelType: ExcelType.XLSX);

    public static IEndpointRouteBuilder MapLogBookExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http, string? tu, string? den, IDbContextFactory<PublicServiceDbContext> dbFactory, TimeProvider time) =>
        {
            var query = http.Request.Query;
            var (filter, error) = Parse(tu, den, ParseId(query["co-quan"]), ParseId(query["thu-tuc"]));
            if (filter is null) return Results.BadRequest(error);
            // The spreadsheet goes to a temporary file first (deleted when the response closes): Kestrel refuses the
            // synchronous writes MiniExcel makes, and the rows stream from the database into the file, never all in memory.
            var temp = new FileStream(System.IO.Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            using (var db = dbFactory.CreateDbContext())
            {
                Write(LogBook.Stream(db, http.User.ToStaffScope(), filter), temp);
            }
            temp.Position = 0;
            var name = $"so-theo-doi-ho-so-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.xlsx";
            return Results.File(temp, CatalogFiles.XlsxContentType, name);
        }).RequireAuthorization(StaffPolicies.LogBookExport);
        return app;
    }

    private static int? ParseId(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
