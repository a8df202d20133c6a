using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration.Memory;
using MudBlazor.Services;
using PublicService.Console.Cli;
using PublicService.Console.Components;
using PublicService.Console.Hosting;
using PublicService.Console.Jobs;
using PublicService.Console.Localization;

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

builder.Services.AddPublicServiceDomain(builder.Configuration);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

builder.Services.AddLocalization();
builder.Services.Configure<RequestLocalizationOptions>(Cultures.Configure);

// In-memory storage suits SQLite: the deadline scan is idempotent and rebuilt from the database after a restart.
builder.Services.AddHangfire(configuration => configuration
    .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
    .UseSimpleAssemblyNameTypeSerializer()
    .UseRecommendedSerializerSettings()
    .UseInMemoryStorage());
builder.Services.AddHangfireServer();
builder.Services.AddDeadlineMonitoring();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapCultureSwitch();
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
