using MiniExcelLibs;
using PublicService.Console.Reporting;
using PublicService.Domain.Reporting;

namespace PublicService.Tests.Components.Pages.Reports;

/// <summary>The Excel export of the progress report: Vietnamese headers, the figures as numbers, names neutralised.</summary>
public sealed class ProgressReportFilesTests
{
    private static readonly ProgressFigures Officer = new(1, 4, 1, 1, 1, 4, 0, 0, 0, 2, 0, 0);
    private static readonly ProgressFigures Unassigned = new(2, 0, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0);

    private static ProgressReport Report() => new(
        new ProgressReportQuery(new ReportPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), ReportGrouping.Officer),
        new DateTime(2026, 3, 31, 17, 0, 0, DateTimeKind.Utc),
        [
            new ProgressRow("=HYPERLINK(\"http://x\")", "=HYPERLINK(\"http://x\")", "=HYPERLINK(\"http://x\")", Officer),
            new ProgressRow("", null, null, Unassigned),
        ],
        Officer + Unassigned,
        [new ProgressMonth(2026, 2, 5, 1, 1, 0), new ProgressMonth(2026, 3, 13, 9, 7, 2)],
        [], []);

    private static (List<IDictionary<string, object?>> Figures, List<IDictionary<string, object?>> Trend, List<IDictionary<string, object?>> About) Written()
    {
        var stream = new MemoryStream();
        ProgressReportFiles.WriteExcel(Report(), stream, new DateTime(2026, 4, 2, 3, 0, 0, DateTimeKind.Utc));
        stream.Position = 0;
        List<IDictionary<string, object?>> Sheet(string name) =>
            stream.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>().ToList();
        return (Sheet(ProgressReportFiles.FiguresSheet), Sheet(ProgressReportFiles.TrendSheet), Sheet(ProgressReportFiles.AboutSheet));
    }

    [Fact]
    public void Figures_HaveVietnameseHeadersInTheFormsOrder()
    {
        var (figures, _, _) = Written();

        Assert.Equal(
            ["STT", "Cán bộ xử lý", "Mã", "Tổng số hồ sơ nhận", "Kỳ trước chuyển qua", "Mới tiếp nhận - Trực tiếp", "Mới tiếp nhận - Trực tuyến",
             "Mới tiếp nhận - Bưu chính", "Đã giải quyết - Tổng số", "Đã giải quyết - Trước hạn", "Đã giải quyết - Đúng hạn",
             "Đã giải quyết - Quá hạn", "Rút hồ sơ", "Đang giải quyết - Trong hạn", "Đang giải quyết - Quá hạn", "Tạm dừng - Chờ bổ sung",
             "Tạm dừng - Chờ nghĩa vụ tài chính", "Tỷ lệ đúng hạn (%)"],
            figures[0].Keys);
    }

    [Fact]
    public void Figures_RowsThenTotal_AsNumbers_RateInPercent()
    {
        var (figures, _, _) = Written();

        Assert.Equal(3, figures.Count);
        Assert.Equal(
            new object?[] { 1d, 7d, 1d, 4d, 1d, 1d, 5d, 1d, 4d, 0d, 0d, 0d, 2d, 0d, 0d, 100d },
            figures[0].Where(c => c.Key is not ("Cán bộ xử lý" or "Mã")).Select(c => c.Value));
        Assert.Equal("(Chưa chuyển đến cán bộ xử lý)", figures[1]["Cán bộ xử lý"]);
        Assert.Null(figures[1]["Tỷ lệ đúng hạn (%)"]);
        Assert.Equal("Tổng cộng", figures[2]["Cán bộ xử lý"]);
        Assert.Null(figures[2]["STT"]);
        Assert.Equal(10d, figures[2]["Tổng số hồ sơ nhận"]);
        Assert.Equal(100d, figures[2]["Tỷ lệ đúng hạn (%)"]);
    }

    [Fact]
    public void Figures_NameStartingLikeAFormula_IsNeutralised()
    {
        var (figures, _, _) = Written();

        Assert.Equal("'=HYPERLINK(\"http://x\")", figures[0]["Cán bộ xử lý"]);
        Assert.Equal("'=HYPERLINK(\"http://x\")", figures[0]["Mã"]);
    }

    [Fact]
    public void Trend_AndAbout_SayWhatTheReportCovers()
    {
        var (_, trend, about) = Written();

        Assert.Equal(["Tháng", "Tiếp nhận mới", "Đã giải quyết", "Trước hạn và đúng hạn", "Quá hạn", "Tỷ lệ đúng hạn (%)"], trend[0].Keys);
        Assert.Equal(new object?[] { "03/2026", 13d, 9d, 7d, 2d, 77.8 }, trend[1].Values);
        Assert.Equal("01/03/2026 – 31/03/2026", about.Single(r => (string?)r["Mục"] == "Kỳ báo cáo")["Nội dung"]);
        Assert.Equal("01/04/2026 00:00", about.Single(r => (string?)r["Mục"] == "Hồ sơ đang giải quyết tính đến")["Nội dung"]);
    }
}
