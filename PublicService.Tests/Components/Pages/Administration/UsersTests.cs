using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PublicService.Console.Components.Pages.Administration;
using PublicService.Domain.Staff;

namespace PublicService.Tests.Components.Pages.Administration;

public sealed class UsersTests : AdministrationPagesTestBase
{
    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<Users> Page) RenderWithDialogs() =>
        (Render<MudDialogProvider>(), Render<Users>());

    private static List<string> UserNames(IRenderedComponent<Users> page) =>
        page.FindAll("[data-testid='users'] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task Render_ListsStaffWithRolesAgenciesAndStatus()
    {
        await SeedStaffAsync();

        var page = Render<Users>();

        page.WaitForAssertion(() => Assert.Equal(["quantri@h48.demo", "xuly.tuphap@h48.demo"], UserNames(page)));
        var officer = page.FindAll("[data-testid='users'] tbody tr").Single(r => r.TextContent.Contains("xuly.tuphap"));
        Assert.Contains("Phạm Văn Dũng", officer.TextContent);
        Assert.Contains("Cán bộ xử lý hồ sơ", officer.TextContent);
        Assert.Contains("Sở Tư pháp", officer.TextContent);
        Assert.Contains("Đang hoạt động", officer.TextContent);
        Assert.Contains("Toàn trung tâm", page.FindAll("[data-testid='users'] tbody tr").Single(r => r.TextContent.Contains("quantri")).TextContent);
    }

    [Fact]
    public async Task Search_WithoutVietnameseMarks_FiltersTheList()
    {
        await SeedStaffAsync();
        var page = Render<Users>();
        page.WaitForAssertion(() => Assert.Equal(2, UserNames(page).Count));

        page.Find("input[data-testid='user-search']").Input("pham van dung");
        AdvanceClockUntil(() => UserNames(page).Count == 1);

        page.WaitForAssertion(() => Assert.Equal(["xuly.tuphap@h48.demo"], UserNames(page)));
    }

    [Fact]
    public async Task Create_ProcessingOfficerWithoutAgency_ShowsTheMessageOnTheAgencyField()
    {
        await SeedStaffAsync();
        var (dialogs, page) = RenderWithDialogs();
        page.WaitForAssertion(() => Assert.Equal(2, UserNames(page).Count));

        page.Find("[data-testid='create-user']").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid='user-email']"));
        dialogs.Find("input[data-testid='user-email']").Change("moi@h48.demo");
        dialogs.Find("input[data-testid='user-fullname']").Change("Đặng Thị Hoa");
        dialogs.FindAll("[data-testid='user-roles'] input[type='checkbox']")[StaffRoles.All.ToList().IndexOf(StaffRoles.ProcessingOfficer)].Change(true);
        dialogs.Find("[data-testid='user-save']").Click();

        dialogs.WaitForAssertion(() =>
        {
            var errors = dialogs.FindAll(".mud-input-error").Select(e => e.TextContent.Trim()).ToList();
            Assert.Contains("Cán bộ xử lý hồ sơ và cán bộ giám sát phải được phân công ít nhất một cơ quan.", errors);
        });
        await using var scope = Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync("moi@h48.demo"));
    }

    [Fact]
    public async Task Create_Valid_ShowsTheGeneratedPasswordOnceAndListsTheAccount()
    {
        await SeedStaffAsync();
        var (dialogs, page) = RenderWithDialogs();
        page.WaitForAssertion(() => Assert.Equal(2, UserNames(page).Count));

        page.Find("[data-testid='create-user']").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid='user-email']"));
        dialogs.Find("input[data-testid='user-email']").Change("bientap2@h48.demo");
        dialogs.Find("input[data-testid='user-fullname']").Change("Trần Thị Bình");
        dialogs.FindAll("[data-testid='user-roles'] input[type='checkbox']")[StaffRoles.All.ToList().IndexOf(StaffRoles.CatalogEditor)].Change(true);
        dialogs.Find("[data-testid='user-save']").Click();

        page.WaitForAssertion(() => Assert.Contains("bientap2@h48.demo", UserNames(page)));
        var password = page.Find("[data-testid='password']").TextContent.Trim();
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync("bientap2@h48.demo"))!, password));
    }

    [Fact]
    public async Task Disable_OwnAccount_ShowsTheRefusal()
    {
        await SeedStaffAsync();
        var (dialogs, page) = RenderWithDialogs();
        page.WaitForAssertion(() => Assert.Equal(2, UserNames(page).Count));

        page.Find("[data-testid='disable-quantri@h48.demo']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Vô hiệu hoá tài khoản của Nguyễn Văn An", dialogs.Markup));
        dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("Vô hiệu hoá")).Click();

        page.WaitForAssertion(() => Assert.Equal("Bạn không thể vô hiệu hoá tài khoản của chính mình.", page.Find("[data-testid='users-error']").TextContent.Trim()));
        Assert.DoesNotContain("Đã vô hiệu hoá", page.Find("[data-testid='status-quantri@h48.demo']").TextContent);
    }

    [Fact]
    public async Task Disable_AnOfficer_MarksTheRowDisabled()
    {
        await SeedStaffAsync();
        var (dialogs, page) = RenderWithDialogs();
        page.WaitForAssertion(() => Assert.Equal(2, UserNames(page).Count));

        page.Find("[data-testid='disable-xuly.tuphap@h48.demo']").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog-actions button")));
        dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("Vô hiệu hoá")).Click();

        page.WaitForAssertion(() => Assert.Contains("Đã vô hiệu hoá", page.Find("[data-testid='status-xuly.tuphap@h48.demo']").TextContent));
        Assert.NotEmpty(page.FindAll("[data-testid='enable-xuly.tuphap@h48.demo']"));
    }
}
