using Bunit;
using PublicService.Console.Components.Pages;

namespace PublicService.Tests.Components.Pages;

public sealed class HomeTests : ComponentTestBase
{
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
}
