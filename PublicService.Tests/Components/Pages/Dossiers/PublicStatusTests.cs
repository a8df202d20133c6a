using Bunit;
using PublicService.Console.Components.Pages.Dossiers;

namespace PublicService.Tests.Components.Pages.Dossiers;

public sealed class PublicStatusTests : DossierPagesTestBase
{
    [Fact]
    public async Task KnownCode_Anonymous_ShowsStatusDatesAndOnlyTheMaskedName()
    {
        var dossier = await ReceiveOneStopAsync("Nguyễn Thị Hồng Nhung");
        Authorization.SetNotAuthorized();

        var page = Render<PublicStatus>(parameters => parameters.Add(p => p.Code, dossier.Code));

        page.WaitForAssertion(() => Assert.Equal("N. T. H. Nhung", page.Find("[data-testid='applicant']").TextContent.Trim()));
        Assert.Equal("Đã tiếp nhận", page.Find("[data-testid='status']").TextContent.Trim());
        Assert.Equal(Console.Components.Shared.Format.DateTime(dossier.DueAtUtc), page.Find("[data-testid='due']").TextContent.Trim());
        Assert.DoesNotContain("Nguyễn Thị Hồng Nhung", page.Markup);
        Assert.DoesNotContain("001234567890", page.Markup);
        Assert.DoesNotContain("0912345678", page.Markup);
        Assert.DoesNotContain("Lê Lợi", page.Markup);
    }

    [Fact]
    public void UnknownCode_SaysNotFound()
    {
        Authorization.SetNotAuthorized();

        var page = Render<PublicStatus>(parameters => parameters.Add(p => p.Code, "000.00.15.H48-990101-0001"));

        page.WaitForAssertion(() => Assert.Contains("Không tìm thấy hồ sơ có mã", page.Find("[data-testid='not-found']").TextContent));
    }
}
