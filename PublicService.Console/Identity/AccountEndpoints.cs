using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PublicService.Domain.Audit;
using PublicService.Domain.Staff;

namespace PublicService.Console.Identity;

/// <summary>
/// The form posts behind the sign-in and change-password pages. They are endpoints, not interactive components,
/// because signing in writes a cookie, which needs the HTTP response a Blazor circuit no longer has. Each answers
/// with a redirect: back to the page with an error code, or on to where the user was going.
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPage = "/dang-nhap";
    public const string DeniedPage = "/khong-co-quyen";
    public const string ChangePasswordPage = "/tai-khoan/doi-mat-khau";
    public const string LoginPath = "/tai-khoan/dang-nhap";
    public const string LogoutPath = "/tai-khoan/dang-xuat";
    public const string ChangePasswordPath = "/tai-khoan/doi-mat-khau/luu";
    public const string LoginRateLimit = "login";

    /// <summary>Error codes carried back to the sign-in page in <c>?loi=</c>.</summary>
    public static class LoginErrors
    {
        public const string Invalid = "invalid";
        public const string LockedOut = "locked";
        public const string Disabled = "disabled";
        public const string TooMany = "too-many";
        public const string Missing = "missing";
    }

    public sealed class LoginForm
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public sealed class ChangePasswordForm
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LoginPath, SignInAsync).AllowAnonymous().RequireRateLimiting(LoginRateLimit);
        endpoints.MapPost(LogoutPath, async (HttpContext http, SignInManager<StaffUser> signIn, AuditTrail audit) =>
        {
            await audit.RecordAsync(AuditActions.SignOut, http.User.Identity?.Name ?? "", address: AddressOf(http));
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LoginPage + "?thoat=1");
        }).RequireAuthorization(StaffPolicies.Staff);
        endpoints.MapPost(ChangePasswordPath, ChangePasswordAsync).RequireAuthorization(StaffPolicies.Staff);
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] LoginForm form, HttpContext http, SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditTrail audit)
    {
        var returnUrl = IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/";
        IResult Back(string error) => Results.LocalRedirect($"{LoginPage}?loi={error}&ReturnUrl={Uri.EscapeDataString(returnUrl)}");

        if (string.IsNullOrWhiteSpace(form.UserName) || string.IsNullOrEmpty(form.Password)) return Back(LoginErrors.Missing);
        var name = form.UserName.Trim();
        var address = AddressOf(http);
        var user = await users.FindByNameAsync(name) ?? await users.FindByEmailAsync(name);
        if (user is null || user.IsDisabled)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, name, detail: user is null ? "unknown user" : "disabled", address: address);
            return Back(user is null ? LoginErrors.Invalid : LoginErrors.Disabled);
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignIn, user.UserName!, address: address);
            return Results.LocalRedirect(returnUrl);
        }
        await audit.RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, user.UserName!,
            detail: result.IsLockedOut ? null : "wrong password", address: address);
        return Back(result.IsLockedOut ? LoginErrors.LockedOut : LoginErrors.Invalid);
    }

    private static async Task<IResult> ChangePasswordAsync(
        [FromForm] ChangePasswordForm form, HttpContext http, SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditTrail audit)
    {
        IResult Back(string errors) => Results.LocalRedirect($"{ChangePasswordPage}?loi={Uri.EscapeDataString(errors)}");

        var user = await users.GetUserAsync(http.User);
        if (user is null) return Results.LocalRedirect(LoginPage);
        if (form.NewPassword != form.ConfirmPassword) return Back("Confirm");
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword ?? "", form.NewPassword ?? "");
        if (!result.Succeeded) return Back(string.Join(',', result.Errors.Select(e => e.Code)));
        await audit.RecordAsync(AuditActions.PasswordChanged, user.UserName!, user.UserName, address: AddressOf(http));
        // The security stamp changed; renew this browser's cookie so only the other sessions are signed out.
        await signIn.RefreshSignInAsync(user);
        return Results.LocalRedirect($"{ChangePasswordPage}?xong=1");
    }

    private static string? AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();

    /// <summary>Only paths of this site: an open redirect after sign-in is a phishing tool.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
