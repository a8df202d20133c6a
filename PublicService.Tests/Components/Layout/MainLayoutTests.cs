using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PublicService.Console.Components.Layout;

namespace PublicService.Tests.Components.Layout;

public sealed class MainLayoutTests : ComponentTestBase
{
    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, body => body.AddContent(0, "nội dung")));

    [Fact]
    public void Render_Vietnamese_ShowsTitleAndNavigation()
    {
        var layout = RenderLayout();

        Assert.Contains("Trung tâm Phục vụ hành chính công", layout.Find(".mud-appbar").TextContent);
        var links = layout.FindAll("nav a.mud-nav-link").Select(link => (link.TextContent.Trim(), link.GetAttribute("href"))).ToList();
        Assert.Equal(
            [
                ("Tổng quan", ""), ("Tiếp nhận hồ sơ", "tiep-nhan"), ("Hàng đợi công việc", "hang-doi"), ("Tra cứu hồ sơ", "ho-so"),
                ("Sổ theo dõi hồ sơ", "so-theo-doi"),
                ("Thủ tục hành chính", "thu-tuc"), ("Nhập, xuất danh mục", "thu-tuc/nhap-xuat"), ("Danh mục dùng chung", "danh-muc"),
                ("Lịch làm việc", "lich-lam-viec"), ("Tính hạn giải quyết", "tinh-han"), ("Giám sát thời hạn", "giam-sat"), ("Báo cáo tiến độ", "bao-cao"),
                ("Quản lý lịch làm việc", "lich-lam-viec/quan-ly"), ("Ngưỡng cảnh báo", "cai-dat/canh-bao"), ("Biểu mẫu in", "cai-dat/bieu-mau"),
                ("Người dùng", "quan-tri/nguoi-dung"), ("Nhật ký thay đổi", "quan-tri/nhat-ky"),
            ],
            links);
        Assert.Contains("nội dung", layout.Markup);
    }

    [Fact]
    public void Render_Vietnamese_MarksVietnameseAsCurrentLanguage()
    {
        var layout = RenderLayout();

        Assert.Equal("true", layout.Find("[data-culture='vi-VN']").GetAttribute("aria-pressed"));
        Assert.Equal("false", layout.Find("[data-culture='en']").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void LanguageSwitch_English_ReloadsThroughCultureEndpointBackToCurrentPage()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/tinh-han");
        var layout = RenderLayout();

        layout.Find("[data-culture='en']").Click();

        Assert.Equal("http://localhost/culture/set?culture=en&redirectUri=%2Ftinh-han", navigation.Uri);
    }

    [Fact]
    public void Render_SignedIn_ShowsTheUsersNameAndASignOutForm()
    {
        var layout = RenderLayout();

        Assert.Equal(UserFullName, layout.Find("[data-testid='user-name']").TextContent.Trim());
        var form = layout.Find("form.ps-signout");
        Assert.Equal("/tai-khoan/dang-xuat", form.GetAttribute("action"));
        Assert.Equal("post", form.GetAttribute("method"));
    }

    [Fact]
    public void Render_Anonymous_ShowsNoNavigationButASignInLink()
    {
        Authorization.SetNotAuthorized();
        Authorization.SetPolicies();

        var layout = RenderLayout();

        Assert.Empty(layout.FindAll("nav a.mud-nav-link"));
        Assert.Empty(layout.FindAll("[data-testid='user-name']"));
        Assert.Contains(layout.FindAll(".mud-appbar a"), a => a.GetAttribute("href") == "dang-nhap" && a.TextContent.Contains("Đăng nhập"));
    }
}
