using System.Threading.RateLimiting;
using Hangfire;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration.Memory;
using MudBlazor.Services;
using PublicService.Console.Catalog;
using PublicService.Console.Cli;
using PublicService.Console.Components;
using PublicService.Console.Dossiers;
using PublicService.Console.Hosting;
using PublicService.Console.Identity;
using PublicService.Console.Jobs;
using PublicService.Console.Localization;
using PublicService.Console.Reporting;
using PublicService.Domain.Persistence;
using PublicService.Domain.Staff;

if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(args);
}

// "--demo" is ours, not a configuration switch: the command-line configuration provider would misread it.
var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());

// The default address sits below every other configuration source, so ASPNETCORE_URLS, "Urls" in
// appsettings.json and --urls all override it.
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
{
    InitialData = [new(WebHostDefaults.ServerUrlsKey, "http://localhost:5080")],
});

// Before the domain: its system clock is registered only when no other clock is.
builder.AddTestingHooks();
builder.Services.AddPublicServiceDomain(builder.Configuration);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();

// Staff sign in with a cookie; Identity's stores are registered with the domain (verbs create accounts too).
builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = AccountEndpoints.LoginPage;
    options.AccessDeniedPath = AccountEndpoints.DeniedPage;
    options.Cookie.Name = "PublicService.Auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.ExpireTimeSpan = TimeSpan.FromHours(10);
    options.SlidingExpiration = true;
});
new IdentityBuilder(typeof(StaffUser), typeof(IdentityRole), builder.Services)
    .AddSignInManager()
    .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();
// Every request checks the cookie's security stamp against the database, so a disabled account, a reset password or
// changed roles end the sessions already open at their next request, not half an hour later (the default).
builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
builder.Services.AddAuthorization(StaffPolicies.Add);
if (PublicServiceDatabase.ParseProvider(builder.Configuration["Database:Provider"]) == DatabaseProvider.Postgres)
    // Several nodes: each must read the cookies and antiforgery tokens the others wrote, so they share the key ring
    // (in the shared database) and the application name (by default it is the install path, which may differ).
    builder.Services.AddDataProtection()
        .SetApplicationName("PublicService")
        .PersistKeysToDbContext<PublicServiceDbContext>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ClientAddress>();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<AuthenticationStateProvider, StaffRevalidatingAuthenticationStateProvider>();

// Lockout stops guessing one account; this stops one machine from trying many.
var loginAttemptsPerMinute = builder.Configuration.GetValue("Security:LoginAttemptsPerMinute", 10);
builder.Services.AddRateLimiter(options =>
{
    options.AddPolicy(AccountEndpoints.LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = loginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    options.OnRejected = (context, _) =>
    {
        context.HttpContext.Response.Redirect($"{AccountEndpoints.LoginPage}?loi={AccountEndpoints.LoginErrors.TooMany}");
        return ValueTask.CompletedTask;
    };
});

builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddMudServices();

builder.Services.AddLocalization();
builder.Services.Configure<RequestLocalizationOptions>(Cultures.Configure);

builder.Services.AddHangfire(configuration =>
{
    configuration
        .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
        .UseSimpleAssemblyNameTypeSerializer()
        .UseRecommendedSerializerSettings();
    var provider = PublicServiceDatabase.ParseProvider(builder.Configuration["Database:Provider"]);
    if (provider == DatabaseProvider.Postgres)
        // Several nodes share one schedule: the recurring scan survives restarts, and Hangfire's distributed lock
        // gives each occurrence to one node (the scanner's lease row still guards the database against overlap).
        configuration.UsePostgreSqlStorage(
            options => options.UseNpgsqlConnection(PublicServiceDatabase.ConnectionString(provider, builder.Configuration.GetConnectionString("PublicService"))),
            new PostgreSqlStorageOptions { SchemaName = builder.Configuration["Hangfire:Schema"] is { Length: > 0 } schema ? schema : "hangfire", PrepareSchemaIfNecessary = true });
    else
        // In-memory storage suits SQLite (one node): the deadline scan is idempotent and rebuilt from the database after a restart.
        configuration.UseInMemoryStorage();
});
builder.Services.AddHangfireServer();
builder.Services.AddDeadlineMonitoring(builder.Configuration);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapCultureSwitch();
app.MapAccountEndpoints();
app.MapCatalogEndpoints();
app.MapLogBookExport();
app.MapProgressReportEndpoints();
app.MapHealthChecks("/health").AllowAnonymous();
// Administrators only: the dashboard shows job arguments and can trigger or delete jobs. The policy is the one
// gate; Hangfire's own filter (local requests only) is replaced by it.
app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], AppPath = "/" })
    .RequireAuthorization(StaffPolicies.Administration);
app.MapTestingHooks(app.Environment);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await DomainServices.PrepareDatabaseAsync(app.Services, demo, Console.Out);
app.Services.ScheduleDeadlineScan(app.Configuration);

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
    {
        Console.WriteLine($"PublicService đang chạy tại {address}");
    }
});

await app.RunAsync();
return 0;

/// <summary>Visible to the HTTP-level tests (WebApplicationFactory).</summary>
public partial class Program;
