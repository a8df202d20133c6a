using System.Net;
using MiniExcelLibs;
using PublicService.Console.Identity;
using PublicService.Console.Reporting;

namespace PublicService.Tests.Identity;

/// <summary>The progress report's Excel download through the real app: who may fetch it, and what a bad query gets.</summary>
public sealed partial class SignInHttpTests
{
    private const string ReportDownload = "/bao-cao/tai-ve?from=2026-03-01&to=2026-03-31&group=agency";

    [Fact]
    public async Task ReportDownload_OnlySupervisionRoles_GetTheWorkbook()
    {
        var anonymous = await Client().GetAsync(ReportDownload);
        var officer = Client();
        await SignInAsync(officer, "xuly@test.vn", Password);
        var administrator = Client();
        await SignInAsync(administrator, "quantri@test.vn", Password);

        Assert.Equal($"{AccountEndpoints.LoginPage}?ReturnUrl={Uri.EscapeDataString(ReportDownload)}", anonymous.Headers.Location!.PathAndQuery);
        Assert.StartsWith(AccountEndpoints.DeniedPage, (await officer.GetAsync(ReportDownload)).Headers.Location!.AbsolutePath);
        var file = await administrator.GetAsync(ReportDownload);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(ProgressReportFiles.ContentType, file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("bao-cao-tien-do-20260301-20260331.xlsx", file.Content.Headers.ContentDisposition!.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName);
        using var workbook = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
        Assert.Equal([ProgressReportFiles.FiguresSheet, ProgressReportFiles.TrendSheet, ProgressReportFiles.AboutSheet], workbook.GetSheetNames());
    }

    [Theory]
    [InlineData("/bao-cao/tai-ve?from=2026-03-31&to=2026-03-01&group=agency", "Ngày kết thúc (01/03/2026) phải từ ngày bắt đầu (31/03/2026) trở đi.")]
    [InlineData("/bao-cao/tai-ve?from=01/03/2026&to=2026-03-31&group=agency", "Thiếu hoặc sai kỳ báo cáo")]
    [InlineData("/bao-cao/tai-ve?from=2026-03-01&to=2026-03-31&group=unit", "cách thống kê (group)")]
    public async Task ReportDownload_BadQuery_IsRefusedSayingWhy(string url, string reason)
    {
        var administrator = Client();
        await SignInAsync(administrator, "quantri@test.vn", Password);

        var response = await administrator.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }
}
