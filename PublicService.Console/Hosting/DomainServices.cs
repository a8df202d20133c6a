using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PublicService.Domain.Calendar;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using PublicService.Domain.Settings;

namespace PublicService.Console.Hosting;

public static class DomainServices
{
    /// <summary>
    /// Registers the database (provider and connection string from configuration), the compiled working
    /// calendar and the domain services, the same way for the web app and every verb.
    /// </summary>
    public static IServiceCollection AddPublicServiceDomain(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = PublicServiceDatabase.ParseProvider(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("PublicService") ?? PublicServiceDatabase.DefaultSqliteConnectionString;
        services.AddDbContextFactory<PublicServiceDbContext>(options => PublicServiceDatabase.Configure(options, provider, connectionString));
        services.TryAddSingleton(TimeProvider.System);
        // Replaced by the calendar compiled from the database in PrepareDatabaseAsync, before anything serves.
        services.AddSingleton(_ => new WorkingCalendarProvider(WorkingCalendar.Compile(WorkingCalendarSettings.Default, [])));
        services.AddTransient<DossierReception>();
        services.AddTransient<DossierWorkflow>();
        services.AddTransient<DeadlineRebuilder>();
        // One per process: its semaphore keeps this process's scans from overlapping.
        services.AddSingleton<DeadlineScanner>();
        services.AddTransient<CalendarChanges>();
        return services;
    }

    /// <summary>Applies migrations, loads the calendar and, with <paramref name="demo"/>, seeds demo data into an empty database.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, bool demo, TextWriter output)
    {
        var applied = await MigrateAndLoadCalendarAsync(services);
        foreach (var migration in applied) output.WriteLine($"Đã áp dụng migration {migration}");
        if (!demo) return;
        var seeder = ActivatorUtilities.CreateInstance<Domain.Demo.DemoSeeder>(services);
        var report = await seeder.SeedIfEmptyAsync(Domain.Demo.DemoSeeder.DefaultDossierCount, Domain.Demo.DemoSeeder.DefaultSeed);
        output.WriteLine(report is null
            ? "Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu demo."
            : $"Đã nạp dữ liệu demo: {report}");
    }

    /// <summary>Brings the schema up to date and swaps in the calendar compiled from the stored settings and overrides.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAndLoadCalendarAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<PublicServiceDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var applied = await DatabaseSetup.MigrateAsync(db, ct);
        services.GetRequiredService<WorkingCalendarProvider>().Replace(await db.CompileCalendarAsync(ct));
        return applied;
    }
}
