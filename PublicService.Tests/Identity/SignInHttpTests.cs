using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicService.Console.Identity;
using PublicService.Domain.Audit;
using PublicService.Domain.Persistence;
using PublicService.Domain.Staff;
using PublicService.Tests.Support;

namespace PublicService.Tests.Identity;

/// <summary>The real web app in memory on its own SQLite file: anonymous redirects, sign-in, lockout, headers.</summary>
public sealed partial class SignInHttpTests : IAsyncLifetime
{
    private const string Password = "KiemThu2026x";
    private readonly TemporarySqliteFile _database = new("http");
    private WebApplicationFactory<Program> _app = null!;

    public async Task InitializeAsync()
    {
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:PublicService", _database.ConnectionString);
            // Each test signs in a few times from the same loopback address; the limit is tested by lockout, not here.
            builder.UseSetting("Security:LoginAttemptsPerMinute", "1000");
            builder.UseEnvironment("Production");
        });
        await using var scope = _app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        await accounts.CreateAsync("xuly@test.vn", "Phạm Văn Dũng", Password, [StaffRoles.ProcessingOfficer], []);
        await accounts.CreateAsync("khoa@test.vn", "Trần Văn Khoá", Password, [StaffRoles.ProcessingOfficer], []);
        await accounts.CreateAsync("quantri@test.vn", "Nguyễn Văn An", Password, [StaffRoles.Administrator], []);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _database.Dispose();
    }

    private HttpClient Client() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string returnUrl = "/")
    {
        var page = await client.GetStringAsync(AccountEndpoints.LoginPage);
        var token = TokenPattern().Match(page).Groups[1].Value;
        return await client.PostAsync(AccountEndpoints.LoginPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["UserName"] = userName,
            ["Password"] = password,
            ["ReturnUrl"] = returnUrl,
        }));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/lich-lam-viec")]
    [InlineData("/tinh-han")]
    [InlineData("/tai-khoan/doi-mat-khau")]
    [InlineData("/khong-co-quyen")]
    public async Task Get_StaffPageAnonymously_RedirectsToLoginKeepingTheReturnUrl(string page)
    {
        var response = await Client().GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{AccountEndpoints.LoginPage}?ReturnUrl={Uri.EscapeDataString(page)}", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task HangfireDashboard_OnlyAdministrators_OpenIt()
    {
        var anonymous = await Client().GetAsync("/hangfire");
        var officer = Client();
        await SignInAsync(officer, "xuly@test.vn", Password);
        var administrator = Client();
        await SignInAsync(administrator, "quantri@test.vn", Password);

        Assert.Equal($"{AccountEndpoints.LoginPage}?ReturnUrl=%2Fhangfire", anonymous.Headers.Location!.PathAndQuery);
        Assert.StartsWith(AccountEndpoints.DeniedPage, (await officer.GetAsync("/hangfire")).Headers.Location!.AbsolutePath);
        var dashboard = await administrator.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Hangfire", await TextOfAsync(dashboard));
    }

    [Fact]
    public async Task Get_LoginPage_IsVietnameseWithSecurityHeaders()
    {
        var response = await Client().GetAsync(AccountEndpoints.LoginPage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đăng nhập", await TextOfAsync(response));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task SignIn_RightPassword_ReturnsToTheReturnUrlAndOpensTheStaffPage()
    {
        var client = Client();

        var response = await SignInAsync(client, "xuly@test.vn", Password, "/lich-lam-viec");

        Assert.Equal("/lich-lam-viec", response.Headers.Location!.OriginalString);
        var page = await client.GetAsync("/lich-lam-viec");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Phạm Văn Dũng", await TextOfAsync(page));
    }

    [Fact]
    public async Task SignIn_ForeignReturnUrl_GoesHomeInstead()
    {
        var response = await SignInAsync(Client(), "xuly@test.vn", Password, "https://evil.example/");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ReturnsToLoginWithTheError()
    {
        var response = await SignInAsync(Client(), "xuly@test.vn", "SaiMatKhau2026");

        Assert.StartsWith($"{AccountEndpoints.LoginPage}?loi={AccountEndpoints.LoginErrors.Invalid}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        var client = Client();
        for (var i = 0; i < StaffIdentity.MaxFailedAttempts; i++)
            await SignInAsync(client, "khoa@test.vn", "SaiMatKhau2026");

        var response = await SignInAsync(client, "khoa@test.vn", Password);

        Assert.StartsWith($"{AccountEndpoints.LoginPage}?loi={AccountEndpoints.LoginErrors.LockedOut}", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        var page = await client.GetAsync(response.Headers.Location.OriginalString);
        Assert.Contains("tạm khoá 15 phút", await TextOfAsync(page));
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PublicServiceDbContext>>().CreateDbContextAsync();
        var trail = await db.AuditEntries.Where(e => e.Actor == "khoa@test.vn").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal([.. Enumerable.Repeat(AuditActions.SignInFailed, StaffIdentity.MaxFailedAttempts - 1), AuditActions.LockedOut, AuditActions.LockedOut], trail);
    }

    [Fact]
    public async Task SignIn_DisabledAccount_IsRefusedWithItsOwnMessage()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByNameAsync("khoa@test.vn"))!;
            user.Disable();
            await users.UpdateAsync(user);
        }

        var response = await SignInAsync(Client(), "khoa@test.vn", Password);

        Assert.StartsWith($"{AccountEndpoints.LoginPage}?loi={AccountEndpoints.LoginErrors.Disabled}", response.Headers.Location!.OriginalString);
    }

    /// <summary>Runs one account change as the administrator, in its own scope as the users page does.</summary>
    private async Task<T> AdministerAsync<T>(Func<StaffAdministration, StaffSummary, StaffActor, Task<T>> change, string userName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<StaffAdministration>();
        var administrator = (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync("quantri@test.vn"))!;
        var row = (await admin.ListAsync()).Single(u => u.UserName == userName);
        return await change(admin, row, new StaffActor(administrator.Id, administrator.UserName!));
    }

    [Fact]
    public async Task Disable_SignedInUser_TheirCookieIsRefusedAtTheNextRequestAndSignInFails()
    {
        var client = Client();
        await SignInAsync(client, "xuly@test.vn", Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lich-lam-viec")).StatusCode);

        await AdministerAsync(async (admin, row, actor) => { await admin.DisableAsync(row.Id, row.ConcurrencyStamp, actor); return true; }, "xuly@test.vn");

        var next = await client.GetAsync("/lich-lam-viec");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith(AccountEndpoints.LoginPage, next.Headers.Location!.AbsolutePath);
        var again = await SignInAsync(Client(), "xuly@test.vn", Password);
        Assert.StartsWith($"{AccountEndpoints.LoginPage}?loi={AccountEndpoints.LoginErrors.Disabled}", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ResetPassword_TheGeneratedPasswordSignsInAndTheOldSessionEnds()
    {
        var old = Client();
        await SignInAsync(old, "xuly@test.vn", Password);

        var password = await AdministerAsync((admin, row, actor) => admin.ResetPasswordAsync(row.Id, row.ConcurrencyStamp, actor), "xuly@test.vn");

        Assert.Equal(HttpStatusCode.Redirect, (await old.GetAsync("/lich-lam-viec")).StatusCode);
        Assert.StartsWith($"{AccountEndpoints.LoginPage}?loi=", (await SignInAsync(Client(), "xuly@test.vn", Password)).Headers.Location!.OriginalString);
        var fresh = Client();
        Assert.Equal("/lich-lam-viec", (await SignInAsync(fresh, "xuly@test.vn", password, "/lich-lam-viec")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/lich-lam-viec")).StatusCode);
    }

    [Fact]
    public async Task AdministrationPages_OnlyAdministrators_OpenThem()
    {
        var officer = Client();
        await SignInAsync(officer, "xuly@test.vn", Password);
        var administrator = Client();
        await SignInAsync(administrator, "quantri@test.vn", Password);

        foreach (var page in new[] { "/quan-tri/nguoi-dung", "/quan-tri/nhat-ky" })
        {
            Assert.StartsWith(AccountEndpoints.DeniedPage, (await officer.GetAsync(page)).Headers.Location!.AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync(page)).StatusCode);
        }
    }

    [Fact]
    public async Task SignIn_MoreAttemptsPerMinuteThanAllowed_AreTurnedAwayBeforeTheAccountIsTried()
    {
        await using var limited = _app.WithWebHostBuilder(builder => builder.UseSetting("Security:LoginAttemptsPerMinute", "2"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        await SignInAsync(client, "xuly@test.vn", "SaiMatKhau2026");
        await SignInAsync(client, "xuly@test.vn", "SaiMatKhau2026");
        var third = await SignInAsync(client, "xuly@test.vn", Password);

        Assert.StartsWith($"{AccountEndpoints.LoginPage}?loi={AccountEndpoints.LoginErrors.TooMany}", third.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOut_AfterSignIn_ClosesTheSession()
    {
        var client = Client();
        await SignInAsync(client, "xuly@test.vn", Password);
        var home = await client.GetStringAsync("/");
        var token = TokenPattern().Match(home).Groups[1].Value;

        var response = await client.PostAsync(AccountEndpoints.LogoutPath,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }));

        Assert.StartsWith(AccountEndpoints.LoginPage, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData(Password, "MatKhauMoi2026", "MatKhauMoi2026", "?xong=1")]
    [InlineData("SaiMatKhau2026", "MatKhauMoi2026", "MatKhauMoi2026", "?loi=PasswordMismatch")]
    [InlineData(Password, "ngan1A", "ngan1A", "?loi=PasswordTooShort")]
    [InlineData(Password, "MatKhauMoi2026", "MatKhauKhac2026", "?loi=Confirm")]
    public async Task ChangePassword_Posted_RedirectsBackWithTheOutcome(string current, string next, string confirm, string outcome)
    {
        var client = Client();
        await SignInAsync(client, "xuly@test.vn", Password);
        var page = await client.GetStringAsync(AccountEndpoints.ChangePasswordPage);
        var token = TokenPattern().Match(page).Groups[1].Value;

        var response = await client.PostAsync(AccountEndpoints.ChangePasswordPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["CurrentPassword"] = current,
            ["NewPassword"] = next,
            ["ConfirmPassword"] = confirm,
        }));

        Assert.StartsWith(AccountEndpoints.ChangePasswordPage + outcome, response.Headers.Location!.OriginalString);
        // Still signed in on this browser either way.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Health_Anonymously_IsHealthy()
    {
        var response = await Client().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    // Razor writes non-ASCII letters as character references; compare what the browser shows.
    private static async Task<string> TextOfAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
