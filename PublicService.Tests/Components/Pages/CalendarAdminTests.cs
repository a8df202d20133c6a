using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicService.Console.Components.Pages.Calendar;
using PublicService.Domain.Audit;
using PublicService.Domain.Calendar;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Tests.Support;

namespace PublicService.Tests.Components.Pages;

public sealed class CalendarAdminTests : ComponentTestBase, IAsyncLifetime
{
    /// <summary>A Thursday shortly after the demo dossiers' receipt (the database clock is 02/03/2026), so many due dates lie after it.</summary>
    private static readonly DateOnly Day = new(2026, 3, 5);

    private TestDatabase _database = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await new DemoSeeder(_database.Factory, _database.Calendars, _database.Clock).SeedAsync(150, 4);
        Services.AddSingleton(_database.Factory);
        Services.AddSingleton(_database.Calendars);
        Services.AddTransient<DeadlineRebuilder>();
        Services.AddTransient<CalendarChanges>();
        Services.AddSingleton(new PublicService.Domain.Monitoring.DeadlineScanner(_database.Factory, _database.Calendars, _database.Clock, []));
        Services.AddTransient<AuditTrail>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void Render_2026_ShadesHolidaysCompensatoryDaysAndWeekendsWithALegend()
    {
        var page = Render<CalendarAdmin>();

        Assert.Equal("Holiday", page.Find("[data-date='2026-04-26']").GetAttribute("data-shade"));
        Assert.Equal("Compensatory", page.Find("[data-date='2026-04-27']").GetAttribute("data-shade"));
        Assert.Equal("Weekend", page.Find("[data-date='2026-03-07']").GetAttribute("data-shade"));
        Assert.Equal("Working", page.Find("[data-date='2026-03-05']").GetAttribute("data-shade"));
        Assert.Equal(12, page.FindAll("[data-testid='year-grid'] table").Count);
        Assert.Contains("Nghỉ bù", page.Find("[data-testid='legend']").TextContent);
    }

    [Fact]
    public async Task PreviewAdd_DayOff_ListsMovedDueDatesAndWritesNothingUntilSaved()
    {
        var page = Render<CalendarAdmin>();
        page.Find($"[data-date='{Day:yyyy-MM-dd}']").Click();
        page.Find("input[data-testid='override-reason']").Change("Nghỉ đột xuất do bão");
        page.Find("input[data-testid='override-decree']").Change("Công văn 12/UBND-KGVX");

        page.Find("[data-testid='preview-add']").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='preview-list'] tbody tr")));
        var rows = page.FindAll("[data-testid='preview-list'] tbody tr");
        Assert.Contains($"{rows.Count} hồ sơ sẽ đổi hạn giải quyết.", page.Find("[data-testid='preview-moved']").TextContent);
        Assert.All(rows, row => Assert.Equal(4, row.QuerySelectorAll("td").Length));
        await using (var db = _database.Open())
            Assert.Empty(await db.CalendarOverrides.ToListAsync());

        page.Find("[data-testid='save']").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid='preview']")));
        Assert.Equal("OverrideOff", page.Find($"[data-date='{Day:yyyy-MM-dd}']").GetAttribute("data-shade"));
        Assert.False(_database.Calendars.Current.IsWorkingDay(Day));
        await using var read = _database.Open();
        Assert.Equal("Nghỉ đột xuất do bão", (await read.CalendarOverrides.SingleAsync()).Reason);
        Assert.Contains(await read.AuditEntries.ToListAsync(), e => e.Action == AuditActions.CalendarOverridesSaved);
        var rebuilt = await new DeadlineRebuilder(_database.Factory, _database.Calendars).RebuildAsync(dryRun: true);
        Assert.Equal(0, rebuilt.Differed);
    }

    [Fact]
    public void PreviewAdd_NoReason_ShowsTheDomainRefusal()
    {
        var page = Render<CalendarAdmin>();
        page.Find($"[data-date='{Day:yyyy-MM-dd}']").Click();

        page.Find("[data-testid='preview-add']").Click();

        Assert.Equal("Lý do không được để trống.", page.Find("[data-testid='override-error']").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid='preview']"));
    }

    [Fact]
    public async Task Remove_StoredOverride_PreviewsThenRestoresTheWorkingDay()
    {
        var changes = Services.GetRequiredService<CalendarChanges>();
        await changes.ApplyAsync([new CalendarOverride(Day, CalendarOverrideKind.DayOff, "Nghỉ đột xuất", "QĐ 1")]);
        var page = Render<CalendarAdmin>();
        page.WaitForAssertion(() => page.Find($"[data-testid='remove-{Day:yyyy-MM-dd}']"));

        page.Find($"[data-testid='remove-{Day:yyyy-MM-dd}']").Click();
        page.WaitForAssertion(() => Assert.Contains("Xóa điều chỉnh ngày 05/03/2026.", page.Find("[data-testid='preview']").TextContent));
        page.Find("[data-testid='save']").Click();

        page.WaitForAssertion(() => Assert.Equal("Working", page.Find($"[data-date='{Day:yyyy-MM-dd}']").GetAttribute("data-shade")));
        Assert.True(_database.Calendars.Current.IsWorkingDay(Day));
        await using var db = _database.Open();
        Assert.Empty(await db.CalendarOverrides.ToListAsync());
        Assert.Contains(await db.AuditEntries.ToListAsync(), e => e.Action == AuditActions.CalendarOverrideRemoved);
    }
}
