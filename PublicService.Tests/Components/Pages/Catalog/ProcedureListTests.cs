using Bunit;
using PublicService.Console.Components.Pages.Catalog;

namespace PublicService.Tests.Components.Pages.Catalog;

public sealed class ProcedureListTests : CatalogPagesTestBase
{
    private static string Total(IRenderedComponent<ProcedureList> list) => list.Find("[data-testid='total']").TextContent.Trim();

    private static List<string> Names(IRenderedComponent<ProcedureList> list) =>
        [.. list.FindAll("tbody tr td:nth-child(2) a").Select(a => a.TextContent.Trim())];

    [Fact]
    public void Render_DemoCatalog_ListsTheFirstPageFromTheDatabase()
    {
        var list = Render<ProcedureList>();

        list.WaitForAssertion(() => Assert.Equal("20 thủ tục", Total(list)));
        Assert.Equal(20, Names(list).Count);
        Assert.Contains("Đã công bố", list.Find("tbody tr").TextContent);
    }

    [Fact]
    public void Search_UnaccentedText_FindsHoTich()
    {
        var list = Render<ProcedureList>();
        list.WaitForAssertion(() => Assert.Equal("20 thủ tục", Total(list)));

        InputOf(list.Find("[data-testid='search']")).Input("ho tich");
        // MudBlazor debounces the search box on the injected TimeProvider, which here is the fake clock.
        AdvanceClockUntil(() => Total(list) == "2 thủ tục");

        list.WaitForAssertion(() => Assert.Equal("2 thủ tục", Total(list)), TimeSpan.FromSeconds(5));
        Assert.All(Names(list), name => Assert.Contains("hộ tịch", name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Render_FiltersInTheAddress_AskTheServerForThoseFilters()
    {
        var justice = Demo.Agencies.Single(a => a.Name == "Sở Tư pháp").Id;
        NavigateTo($"thu-tuc?co-quan={justice}&don-vi=SameDay");

        var list = Render<ProcedureList>();

        var expected = Demo.Procedures.Count(p => p.LatestPublished!.ImplementingAgencyId == justice
            && p.LatestPublished.DefaultTimeUnit == PublicService.Domain.Calendar.TimeUnit.SameDay);
        Assert.True(expected > 0);
        list.WaitForAssertion(() => Assert.Equal($"{expected} thủ tục", Total(list)));
        Assert.All(list.FindAll("tbody tr"), row =>
        {
            Assert.Contains("Sở Tư pháp", row.TextContent);
            Assert.Contains("trong ngày", row.TextContent);
        });
    }

    [Fact]
    public void Render_NoMatch_SaysSo()
    {
        NavigateTo("thu-tuc?q=khong%20co%20thu%20tuc%20nay");

        var list = Render<ProcedureList>();

        list.WaitForAssertion(() => Assert.Equal("0 thủ tục", Total(list)));
        Assert.Contains("Không có thủ tục nào khớp", list.Markup);
    }
}
