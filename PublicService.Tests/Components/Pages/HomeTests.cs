using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicService.Console.Components.Pages;
using PublicService.Console.Identity;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using PublicService.Domain.Staff;
using PublicService.Tests.Support;

namespace PublicService.Tests.Components.Pages;

public sealed class HomeTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase _database = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Services.AddSingleton(_database.Factory);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void Render_FakeClock_ShowsVietnamTodayAndLinks()
    {
        var home = Render<Home>();

        Assert.Equal("Tổng quan", home.Find("h1").TextContent.Trim());
        Assert.Equal("Hôm nay: Thứ Tư, 11/02/2026", home.Find("[data-testid='today']").TextContent.Trim());
        var targets = home.FindAll("a[href]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("lich-lam-viec", targets);
        Assert.Contains("tinh-han", targets);
    }

    [Fact]
    public void Render_EmptyDatabase_SaysHowToLoadDemoData()
    {
        var home = Render<Home>();

        home.WaitForAssertion(() => Assert.Contains("Chưa có hồ sơ nào", home.Markup));
        Assert.Equal("0 thủ tục của 0 cơ quan", home.Find("[data-testid='catalog-size']").TextContent.Trim());
    }

    [Fact]
    public async Task Render_DemoData_ShowsTheCountsTheDatabaseHolds()
    {
        await new DemoSeeder(_database.Factory, _database.Calendars, _database.Clock).SeedAsync(120, 9);
        await using var db = _database.Open();
        var overdue = await db.Dossiers.CountAsync(d => d.AlertLevel == AlertLevel.Overdue
            && (d.Status == DossierStatus.Received || d.Status == DossierStatus.InProcess));
        var returned = await db.Dossiers.CountAsync(d => d.Status == DossierStatus.Returned);

        var home = Render<Home>();

        home.WaitForAssertion(() => Assert.Equal(overdue.ToString(), home.Find("[data-testid='level-Overdue'] h4").TextContent.Trim()));
        Assert.Empty(home.FindAll("[data-testid='scope-note']"));
        Assert.Contains("Quá hạn", home.Find("[data-testid='level-Overdue']").TextContent);
        Assert.Contains($"Đã trả kết quả: {returned}", home.Find("[data-testid='by-status']").TextContent);
        Assert.Equal("20 thủ tục của 9 cơ quan", home.Find("[data-testid='catalog-size']").TextContent.Trim());
    }

    [Fact]
    public async Task Render_OfficerOfOneAgency_CountsOnlyThatAgencysDossiers()
    {
        await new DemoSeeder(_database.Factory, _database.Calendars, _database.Clock).SeedAsync(120, 9);
        await using var db = _database.Open();
        var justice = await db.Agencies.Where(a => a.Code == "000.00.15.H48").Select(a => a.Id).SingleAsync();
        var scope = StaffScope.Of("xuly", [StaffRoles.ProcessingOfficer], [justice]);
        var returned = await db.Dossiers.VisibleTo(scope).CountAsync(d => d.Status == DossierStatus.Returned);
        Assert.NotEqual(await db.Dossiers.CountAsync(d => d.Status == DossierStatus.Returned), returned);
        Authorization.SetRoles(StaffRoles.ProcessingOfficer);
        Authorization.SetClaims(new Claim(StaffClaims.FullName, "Phạm Văn Dũng"), new Claim(StaffClaims.Agency, justice.ToString(CultureInfo.InvariantCulture)));

        var home = Render<Home>();

        home.WaitForAssertion(() => Assert.Contains($"Đã trả kết quả: {returned}", home.Find("[data-testid='by-status']").TextContent));
        Assert.Contains("cơ quan bạn được phân công", home.Find("[data-testid='scope-note']").TextContent);
    }
}
