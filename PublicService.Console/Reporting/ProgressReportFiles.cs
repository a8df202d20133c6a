using System.Data;
using MiniExcelLibs;
using PublicService.Console.Catalog;
using PublicService.Domain.Reporting;

namespace PublicService.Console.Reporting;

/// <summary>
/// The progress report as an Excel workbook: the figures (one row per group and the total), the monthly trend and
/// what the report covers. Headers are Vietnamese whatever the UI language: the file goes to other offices. Names
/// come from the catalog and from staff input, so text cells are neutralised against formula injection the same way
/// as the catalog export.
/// </summary>
public static class ProgressReportFiles
{
    public const string ContentType = CatalogFiles.XlsxContentType;
    public const string FiguresSheet = "Báo cáo";
    public const string TrendSheet = "Theo tháng";
    public const string AboutSheet = "Thông tin";
    public const string UnassignedName = "(Chưa chuyển đến cán bộ xử lý)";

    public static readonly IReadOnlyList<string> FigureHeaders =
    [
        "Tổng số hồ sơ nhận", "Kỳ trước chuyển qua", "Mới tiếp nhận - Trực tiếp", "Mới tiếp nhận - Trực tuyến", "Mới tiếp nhận - Bưu chính",
        "Đã giải quyết - Tổng số", "Đã giải quyết - Trước hạn", "Đã giải quyết - Đúng hạn", "Đã giải quyết - Quá hạn", "Rút hồ sơ",
        "Đang giải quyết - Trong hạn", "Đang giải quyết - Quá hạn", "Tạm dừng - Chờ bổ sung", "Tạm dừng - Chờ nghĩa vụ tài chính",
    ];

    public const string RateHeader = "Tỷ lệ đúng hạn (%)";

    public static string GroupName(ReportGrouping grouping) => grouping switch
    {
        ReportGrouping.Agency => "Cơ quan",
        ReportGrouping.Field => "Lĩnh vực",
        ReportGrouping.Procedure => "Thủ tục",
        ReportGrouping.Officer => "Cán bộ xử lý",
        _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, null),
    };

    public static string FileName(ProgressReport report) =>
        $"bao-cao-tien-do-{report.Query.Period.From:yyyyMMdd}-{report.Query.Period.To:yyyyMMdd}.xlsx";

    public static void WriteExcel(ProgressReport report, Stream stream, DateTime createdAtUtc)
    {
        var figures = new DataTable(FiguresSheet);
        figures.Columns.Add("STT", typeof(int));
        figures.Columns.Add(GroupName(report.Query.GroupBy), typeof(string));
        figures.Columns.Add("Mã", typeof(string));
        foreach (var header in FigureHeaders) figures.Columns.Add(header, typeof(int));
        figures.Columns.Add(RateHeader, typeof(double));
        var number = 0;
        foreach (var row in report.Rows)
            figures.Rows.Add([++number, CatalogFiles.Neutralize(row.Name ?? UnassignedName), CatalogFiles.Neutralize(row.Code ?? ""), .. Cells(row.Figures)]);
        figures.Rows.Add([DBNull.Value, "Tổng cộng", "", .. Cells(report.Total)]);

        var trend = new DataTable(TrendSheet);
        trend.Columns.Add("Tháng", typeof(string));
        foreach (var header in new[] { "Tiếp nhận mới", "Đã giải quyết", "Trước hạn và đúng hạn", "Quá hạn" }) trend.Columns.Add(header, typeof(int));
        trend.Columns.Add(RateHeader, typeof(double));
        foreach (var month in report.Trend)
            trend.Rows.Add(month.Label, month.Received, month.Finished, month.FinishedInTime, month.FinishedLate, Percent(month.OnTimeRate));

        var about = new DataTable(AboutSheet);
        about.Columns.Add("Mục", typeof(string));
        about.Columns.Add("Nội dung", typeof(string));
        about.Rows.Add("Kỳ báo cáo", report.Query.Period.ToString());
        about.Rows.Add("Thống kê theo", GroupName(report.Query.GroupBy));
        about.Rows.Add("Hồ sơ đang giải quyết tính đến", Components.Shared.Format.DateTime(report.AsOfUtc));
        about.Rows.Add("Lập lúc", Components.Shared.Format.DateTime(createdAtUtc));
        about.Rows.Add("Cách tính", "Đã giải quyết: so ngày có kết quả với ngày hẹn trả (đã cộng thời gian tạm dừng): trước ngày hẹn = trước hạn, "
            + "đúng ngày hẹn = đúng hạn, sau ngày hẹn = quá hạn. Tỷ lệ đúng hạn = (trước hạn + đúng hạn) ÷ đã giải quyết.");

        MiniExcel.SaveAs(stream, new Dictionary<string, object> { [FiguresSheet] = figures, [TrendSheet] = trend, [AboutSheet] = about }, excelType: ExcelType.XLSX);
    }

    private static object[] Cells(ProgressFigures f) =>
    [
        f.Received, f.CarriedOver, f.NewInPerson, f.NewOnline, f.NewPost,
        f.Finished, f.FinishedEarly, f.FinishedOnTime, f.FinishedLate, f.Withdrawn,
        f.InProgressWithinTime, f.InProgressOverdue, f.PausedSupplement, f.PausedPayment, Percent(f.OnTimeRate),
    ];

    private static object Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : DBNull.Value;
}
