using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PublicService.Console.Components;

namespace PublicService.Tests.Components.Routing;

/// <summary>What the router does, inside a circuit, for a page the user may not open.</summary>
public sealed class RoutesAuthorizationTests : ComponentTestBase
{
    [Fact]
    public void Navigate_Anonymous_GoesToLoginKeepingTheReturnUrl()
    {
        Authorization.SetNotAuthorized();
        Authorization.SetPolicies();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/tinh-han");

        Render<Routes>();

        Assert.Equal("http://localhost/dang-nhap?ReturnUrl=%2Ftinh-han", navigation.Uri);
    }

    [Fact]
    public void Navigate_SignedInWithoutTheRole_ShowsNotAllowedInsideTheLayout()
    {
        Authorization.SetPolicies();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/tinh-han");

        var routes = Render<Routes>();

        Assert.Equal("Không có quyền truy cập", routes.Find("[data-testid='access-denied']").TextContent.Trim());
        Assert.Equal(UserFullName, routes.Find("[data-testid='user-name']").TextContent.Trim());
    }
}
