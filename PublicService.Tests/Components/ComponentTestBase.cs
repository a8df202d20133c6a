using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using PublicService.Console.Identity;
using PublicService.Domain.Staff;

namespace PublicService.Tests.Components;

/// <summary>
/// The one bUnit setup every component test shares: loose JS interop (MudBlazor calls JS we don't assert on),
/// MudBlazor services without transitions, the real localization resources in vi-VN, and a fake clock.
/// </summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    /// <summary>2026-02-10 17:30 UTC, which is 11/02/2026 00:30 in Vietnam (a Wednesday).</summary>
    public static readonly DateTimeOffset Now = new(2026, 2, 10, 17, 30, 0, TimeSpan.Zero);

    protected ComponentTestBase()
    {
        var vietnamese = CultureInfo.GetCultureInfo("vi-VN");
        CultureInfo.CurrentCulture = vietnamese;
        CultureInfo.CurrentUICulture = vietnamese;

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(Clock);

        // Pages and the layout sit behind sign-in: by default a signed-in administrator, who sees every agency's dossiers.
        Authorization = AddAuthorization();
        Authorization.SetAuthorized("quantri@h48.demo");
        Authorization.SetRoles(StaffRoles.Administrator);
        Authorization.SetPolicies([.. StaffPolicies.Roles.Keys]);
        Authorization.SetClaims(new Claim(StaffClaims.FullName, UserFullName));
    }

    public const string UserFullName = "Nguyễn Văn An";

    /// <summary>bUnit's fake authentication; tests may sign the user out (<c>SetNotAuthorized</c>) or change roles.</summary>
    protected BunitAuthorizationContext Authorization { get; }

    protected FakeTimeProvider Clock { get; } = new(Now);

    /// <summary>
    /// Moves the fake clock until the debounced search box has fired: MudBlazor may start its debounce timer after
    /// an await, so one advance right after typing can come before the timer exists.
    /// </summary>
    protected void AdvanceClockUntil(Func<bool> done)
    {
        for (var i = 0; i < 100 && !done(); i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            Thread.Sleep(20);
        }
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously; xunit 2 awaits this before calling Dispose.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
