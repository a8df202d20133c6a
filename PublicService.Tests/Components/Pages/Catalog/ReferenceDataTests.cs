using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicService.Console.Components.Pages.Catalog;
using PublicService.Domain.Catalog;

namespace PublicService.Tests.Components.Pages.Catalog;

public sealed class ReferenceDataTests : CatalogPagesTestBase
{
    public ReferenceDataTests()
    {
        Services.AddTransient<ReferenceDataEditing>();
    }

    private IRenderedComponent<ReferenceData> Open()
    {
        var page = Render<ReferenceData>();
        page.WaitForAssertion(() => Assert.Contains("Sở Tư pháp", page.Find("[data-testid='rows']").TextContent));
        return page;
    }

    [Fact]
    public async Task Add_NewAgency_ListedAndStored()
    {
        var page = Open();

        InputOf(page.Find("[data-testid='new-code']")).Change("000.00.99.H48");
        InputOf(page.Find("[data-testid='new-name']")).Change("Sở Văn hóa, Thể thao và Du lịch");
        ButtonOf(page.Find("[data-testid='add']")).Click();

        page.WaitForAssertion(() => Assert.Contains("Sở Văn hóa, Thể thao và Du lịch", page.Find("[data-testid='rows']").TextContent));
        await using var db = Database.Open();
        Assert.True(await db.Agencies.AnyAsync(a => a.Code == "000.00.99.H48"));
    }

    [Fact]
    public void Add_TakenCode_ShowsTheRefusalBesideTheCode()
    {
        var page = Open();

        InputOf(page.Find("[data-testid='new-code']")).Change("000.00.15.H48");
        InputOf(page.Find("[data-testid='new-name']")).Change("Trùng mã");
        ButtonOf(page.Find("[data-testid='add']")).Click();

        page.WaitForAssertion(() => Assert.Contains("đã có trong danh mục", page.Find("[data-testid='new-code']").Closest(".mud-input-control")!.TextContent));
    }

    [Fact]
    public async Task Rename_Agency_StoresTheNewName()
    {
        var page = Open();

        ButtonOf(page.Find("[data-testid='rename-000.00.15.H48']")).Click();
        InputOf(page.Find("[data-testid='edit-name']")).Change("Sở Tư pháp tỉnh H48");
        ButtonOf(page.Find("[data-testid='save-name']")).Click();

        page.WaitForAssertion(() => Assert.Contains("Sở Tư pháp tỉnh H48", page.Find("[data-testid='rows']").TextContent));
        await using var db = Database.Open();
        Assert.Equal("Sở Tư pháp tỉnh H48", (await db.Agencies.SingleAsync(a => a.Code == "000.00.15.H48")).Name);
    }
}
