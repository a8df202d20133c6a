using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicService.Console.Components.Pages.Settings;
using PublicService.Domain.Audit;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using PublicService.Domain.Settings;
using PublicService.Tests.Support;

namespace PublicService.Tests.Components.Pages.Settings;

public sealed class AlertSettingsTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase _database = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Services.AddSingleton(_database.Factory);
        Services.AddSingleton(_database.Calendars);
        Services.AddTransient<AuditTrail>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void Render_Defaults_ShowsOneWorkingDayAndSeventyFivePercent()
    {
        var page = Render<AlertSettings>();

        page.WaitForAssertion(() => Assert.Equal(
            "Đang áp dụng: còn không quá 1 ngày 0 giờ làm việc hoặc đã dùng từ 75 % thời gian.",
            page.Find("[data-testid='alerts-current']").TextContent.Trim()));
    }

    [Fact]
    public async Task Save_PercentOutOfRange_ShowsTheDomainMessageAndKeepsTheStoredValue()
    {
        var page = Render<AlertSettings>();
        page.WaitForAssertion(() => page.Find("input[data-testid='percent']"));

        page.Find("input[data-testid='percent']").Change("150");
        page.Find("[data-testid='save-alerts']").Click();

        page.WaitForAssertion(() => Assert.Equal("Tỷ lệ thời gian đã dùng phải từ 1 đến 100 %.", page.Find("[data-testid='alerts-error']").TextContent.Trim()));
        Assert.Equal(AlertThresholds.Default, await StoredAsync());
    }

    [Fact]
    public async Task Save_BothThresholdsOff_IsRefused()
    {
        var page = Render<AlertSettings>();
        page.WaitForAssertion(() => page.Find("input[data-testid='use-remaining']"));

        page.Find("input[data-testid='use-remaining']").Change(false);
        page.Find("input[data-testid='use-percent']").Change(false);
        page.Find("[data-testid='save-alerts']").Click();

        page.WaitForAssertion(() => Assert.Contains("Cần ít nhất một ngưỡng cảnh báo", page.Find("[data-testid='alerts-error']").TextContent));
        Assert.Equal(AlertThresholds.Default, await StoredAsync());
    }

    [Fact]
    public async Task Save_TwoDaysFourHoursAndNoPercent_StoresMinutesAndAudits()
    {
        var page = Render<AlertSettings>();
        page.WaitForAssertion(() => page.Find("input[data-testid='remaining-days']"));

        page.Find("input[data-testid='remaining-days']").Change("2");
        page.Find("input[data-testid='remaining-hours']").Change("4");
        page.Find("input[data-testid='use-percent']").Change(false);
        page.Find("[data-testid='save-alerts']").Click();

        page.WaitForAssertion(() => Assert.Equal(new AlertThresholds(2 * 480 + 4 * 60, null), StoredAsync().GetAwaiter().GetResult()));
        Assert.Empty(page.FindAll("[data-testid='alerts-error']"));
        await using var db = _database.Open();
        Assert.Contains(await db.AuditEntries.ToListAsync(), e => e.Action == AuditActions.AlertThresholdsChanged && e.Actor == "quantri@h48.demo");
    }

    private async Task<AlertThresholds> StoredAsync()
    {
        await using var db = _database.Open();
        return (await db.LoadSettingsAsync()).Alerts;
    }
}
