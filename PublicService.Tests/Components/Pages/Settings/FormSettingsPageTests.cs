using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicService.Console.Components.Pages.Settings;
using PublicService.Domain.Audit;
using PublicService.Domain.Persistence;
using PublicService.Domain.Settings;
using PublicService.Tests.Support;

namespace PublicService.Tests.Components.Pages.Settings;

public sealed class FormSettingsPageTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase _database = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Services.AddSingleton(_database.Factory);
        Services.AddTransient<AuditTrail>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<FormSettings> StoredAsync()
    {
        await using var db = _database.Open();
        return (await db.LoadSettingsAsync()).Forms;
    }

    [Fact]
    public void Render_Defaults_ShowsTodaysTextsAndAPreview()
    {
        var page = Render<FormSettingsPage>();

        page.WaitForAssertion(() => Assert.Equal("UBND TỈNH H48", page.Find("input[data-testid='authority']").GetAttribute("value")));
        Assert.Equal("05", page.Find("input[data-testid='number-ControlSheet']").GetAttribute("value"));
        Assert.Equal("SỔ THEO DÕI HỒ SƠ", page.Find("input[data-testid='title-LogBook']").GetAttribute("value"));
        Assert.Equal(6, page.FindAll("[data-testid^='form-row-']").Count);
        Assert.Equal("Mẫu số 01", page.Find("[data-testid='forms-preview'] [data-testid='form-number']").TextContent);
    }

    [Fact]
    public async Task Save_NewAuthorityAndNumber_StoresAuditsAndUpdatesThePreview()
    {
        var page = Render<FormSettingsPage>();
        page.WaitForAssertion(() => page.Find("input[data-testid='authority']"));

        page.Find("input[data-testid='authority']").Change("UBND TỈNH KON TUM");
        page.Find("input[data-testid='number-Receipt']").Change("01a");
        page.Find("[data-testid='save-forms']").Click();

        page.WaitForAssertion(() => Assert.Equal("UBND TỈNH KON TUM", StoredAsync().GetAwaiter().GetResult().Authority));
        Assert.Equal("01a", (await StoredAsync()).Form(FormKind.Receipt).Number);
        Assert.Empty(page.FindAll("[data-testid='forms-error']"));
        page.WaitForAssertion(() => Assert.Equal("Mẫu số 01a", page.Find("[data-testid='forms-preview'] [data-testid='form-number']").TextContent));
        await using var db = _database.Open();
        var entry = Assert.Single(await db.AuditEntries.Where(e => e.Action == AuditActions.FormSettingsChanged).ToListAsync());
        Assert.Equal("quantri@h48.demo", entry.Actor);
        Assert.Equal("Cơ quan chủ quản: “UBND TỈNH H48” → “UBND TỈNH KON TUM”; Mẫu 01 số: “01” → “01a”", entry.Detail);
    }

    [Fact]
    public async Task Save_DuplicateNumber_ShowsTheDomainMessageAndStoresNothing()
    {
        var page = Render<FormSettingsPage>();
        page.WaitForAssertion(() => page.Find("input[data-testid='number-LogBook']"));

        page.Find("input[data-testid='number-LogBook']").Change("05");
        page.Find("[data-testid='save-forms']").Click();

        page.WaitForAssertion(() => Assert.Contains("Số mẫu “05” bị dùng cho nhiều mẫu", page.Find("[data-testid='forms-error']").TextContent));
        Assert.Same(FormSettings.Default, await StoredAsync());
        await using var db = _database.Open();
        Assert.Empty(await db.AuditEntries.Where(e => e.Action == AuditActions.FormSettingsChanged).ToListAsync());
    }

    [Fact]
    public async Task Save_EmptyPlace_IsRefusedNamingTheField()
    {
        var page = Render<FormSettingsPage>();
        page.WaitForAssertion(() => page.Find("input[data-testid='place']"));

        page.Find("input[data-testid='place']").Change("");
        page.Find("[data-testid='save-forms']").Click();

        page.WaitForAssertion(() => Assert.Equal("Địa danh ghi ngày tháng không được để trống.", page.Find("[data-testid='forms-error']").TextContent.Trim()));
        Assert.Equal("H48", (await StoredAsync()).Place);
    }
}
