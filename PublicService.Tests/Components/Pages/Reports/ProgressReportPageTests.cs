using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PublicService.Console.Components.Pages.Reports;
using PublicService.Console.Identity;
using PublicService.Domain.Demo;
using PublicService.Domain.Reporting;
using PublicService.Domain.Staff;
using PublicService.Tests.Support;

namespace PublicService.Tests.Components.Pages.Reports;

/// <summary>The report page and its print view on demo dossiers, compared with the domain report they show.</summary>
public sealed class ProgressReportPageTests : ComponentTestBase, IAsyncLifetime
{
    private static readonly ReportPeriod February = new(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28));
    private TestDatabase _database = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Services.AddSingleton(_database.Factory);
        Services.AddSingleton(_database.Calendars);
        // Seeded at the page's clock (11/02/2026): dossiers of the last weeks, in January and February.
        await new DemoSeeder(_database.Factory, _database.Calendars, Clock).SeedAsync(200, 11);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<ProgressReport> ExpectedAsync(ReportPeriod period, ReportGrouping grouping, StaffScope? scope = null)
    {
        await using var db = _database.Open();
        return await ProgressReport.LoadAsync(db, new ProgressReportQuery(period, grouping), Clock.GetUtcNow().UtcDateTime, scope ?? StaffScope.System);
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));

    private static string TotalReceived(IRenderedComponent<ProgressReportPage> page) =>
        page.Find("[data-testid='report-total'] td:nth-child(3)").TextContent.Trim();

    [Fact]
    public async Task Render_Default_ThisMonthByAgency_ShowsTheDomainFiguresTheChartsAndTheLinks()
    {
        var expected = await ExpectedAsync(February, ReportGrouping.Agency);

        var page = Render<ProgressReportPage>();

        page.WaitForAssertion(() => Assert.Equal(expected.Rows.Count, page.FindAll("[data-testid='report-row']").Count));
        Assert.True(expected.Total.Received > 0);
        Assert.Equal(N(expected.Total.Received), TotalReceived(page));
        Assert.Equal(Console.Reporting.ReportFormat.Rate(expected.Total.OnTimeRate), page.Find("[data-testid='report-total'] [data-testid='rate']").TextContent.Trim());
        Assert.Equal("Kỳ báo cáo: từ ngày 01/02/2026 đến ngày 28/02/2026", page.Find("[data-testid='period']").TextContent.Trim());
        Assert.Equal("Cơ quan", page.Find("[data-testid='report-table'] th.name").TextContent.Trim());
        Assert.Equal(2, page.FindComponents<MudChart<double>>().Count);
        Assert.NotEmpty(page.FindAll("[data-testid='trend-counts'] svg"));
        Assert.NotEmpty(page.FindAll("[data-testid='trend-rate'] svg"));
        Assert.Equal("/bao-cao/tai-ve?from=2026-02-01&to=2026-02-28&group=agency", page.Find("[data-testid='export']").GetAttribute("href"));
        Assert.Equal("/bao-cao/in?from=2026-02-01&to=2026-02-28&group=agency", page.Find("[data-testid='print']").GetAttribute("href"));
        Assert.Contains("trước hạn + đúng hạn", page.Find("[data-testid='rules']").TextContent);
    }

    [Fact]
    public async Task GroupingChanged_ToField_ReQueriesAndRelabels()
    {
        var expected = await ExpectedAsync(February, ReportGrouping.Field);
        var page = Render<ProgressReportPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='report-row']")));

        var select = page.FindComponent<MudSelect<ReportGrouping>>();
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(ReportGrouping.Field));

        page.WaitForAssertion(() => Assert.Equal("Lĩnh vực", page.Find("[data-testid='report-table'] th.name").TextContent.Trim()));
        Assert.Equal(expected.Rows.Select(r => r.Name), page.FindAll("[data-testid='report-row'] td.name").Select(td => td.FirstChild!.TextContent.Trim()));
        Assert.Equal(N(expected.Total.Received), TotalReceived(page));
        Assert.EndsWith("group=field", page.Find("[data-testid='export']").GetAttribute("href"));
    }

    [Fact]
    public async Task PresetLastMonth_ShowsJanuary()
    {
        var january = new ReportPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));
        var expected = await ExpectedAsync(january, ReportGrouping.Agency);
        var page = Render<ProgressReportPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='report-row']")));

        page.Find("[data-testid='preset-LastMonth']").Click();

        page.WaitForAssertion(() => Assert.Equal("Kỳ báo cáo: từ ngày 01/01/2026 đến ngày 31/01/2026", page.Find("[data-testid='period']").TextContent.Trim()));
        Assert.Equal(N(expected.Total.Received), TotalReceived(page));
        Assert.NotEqual(expected.Total, (await ExpectedAsync(February, ReportGrouping.Agency)).Total);
    }

    [Fact]
    public async Task ReversedDates_AreRefusedNamingTheEndDate()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/bao-cao?from=2026-02-28&to=2026-02-01&group=agency");
        var page = Render<ProgressReportPage>();

        page.WaitForAssertion(() => Assert.Contains("Ngày kết thúc (01/02/2026) phải từ ngày bắt đầu (28/02/2026) trở đi.", page.Markup));
        Assert.Empty(page.FindAll("[data-testid='report-table']"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Supervisor_SeesOnlyTheirAgency()
    {
        var all = await ExpectedAsync(February, ReportGrouping.Agency);
        var agencyId = int.Parse(all.Rows.OrderByDescending(r => r.Figures.Received).First().Key, CultureInfo.InvariantCulture);
        Authorization.SetRoles(StaffRoles.Supervisor);
        Authorization.SetClaims(new Claim(StaffClaims.FullName, UserFullName), new Claim(StaffClaims.Agency, agencyId.ToString(CultureInfo.InvariantCulture)));
        var expected = await ExpectedAsync(February, ReportGrouping.Agency, StaffScope.Of("giamsat", [StaffRoles.Supervisor], [agencyId]));

        var page = Render<ProgressReportPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='report-row']")));
        Assert.Equal(N(expected.Total.Received), TotalReceived(page));
        Assert.True(expected.Total.Received < all.Total.Received);
    }

    [Fact]
    public async Task PrintView_HasTheMottoTheTitleAndTheSameFigures()
    {
        var expected = await ExpectedAsync(February, ReportGrouping.Procedure);

        Services.GetRequiredService<NavigationManager>().NavigateTo("/bao-cao/in?from=2026-02-01&to=2026-02-28&group=procedure");
        var print = Render<ProgressReportPrint>();

        print.WaitForAssertion(() => Assert.NotEmpty(print.FindAll("[data-testid='report-print']")));
        var sheet = print.Find("[data-testid='report-print']").TextContent;
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", sheet);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", sheet);
        Assert.Contains("BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH", sheet);
        Assert.Contains("Thống kê theo: Thủ tục", print.Find("[data-testid='print-period']").TextContent);
        Assert.Equal(expected.Rows.Count, print.FindAll("[data-testid='report-row']").Count);
        Assert.Equal(N(expected.Total.Received), print.Find("[data-testid='report-total'] td:nth-child(3)").TextContent.Trim());
    }
}
