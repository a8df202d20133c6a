using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PublicService.Domain.Calendar;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using PublicService.Domain.Settings;
using PublicService.Domain.Staff;

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
        var connectionString = PublicServiceDatabase.ConnectionString(provider, configuration.GetConnectionString("PublicService"));
        var slowWrites = CrashTestHooks.Delay(configuration, CrashTestHooks.WriteDelayKey) is { } writeDelay ? new SlowWritesInterceptor(writeDelay) : null;
        services.AddDbContextFactory<PublicServiceDbContext>(options =>
        {
            PublicServiceDatabase.Configure(options, provider, connectionString);
            if (slowWrites is not null) options.AddInterceptors(slowWrites);
        });
        // Replaces the default factory (the scoped context is made by whichever factory is registered): each
        // context is created as its provider's type, so migrations are that provider's.
        services.AddSingleton<IDbContextFactory<PublicServiceDbContext>>(sp =>
            new PublicServiceContextFactory(provider, sp.GetRequiredService<DbContextOptions<PublicServiceDbContext>>()));
        services.AddTransient<Domain.Catalog.ProcedureEditing>();
        services.AddTransient<Domain.Catalog.ReferenceDataEditing>();
        services.AddTransient<Domain.Catalog.CatalogTransfer>();
        services.TryAddSingleton(TimeProvider.System);
        // Replaced by the calendar compiled from the database in PrepareDatabaseAsync, before anything serves.
        services.AddSingleton(_ => new WorkingCalendarProvider(WorkingCalendar.Compile(WorkingCalendarSettings.Default, [])));
        services.AddTransient<DossierReception>();
        services.AddTransient<DossierWorkflow>();
        services.AddTransient<DeadlineRebuilder>();
        // One per process: its semaphore keeps this process's scans from overlapping.
        if (CrashTestHooks.Delay(configuration, CrashTestHooks.ScanBatchDelayKey) is { } batchDelay)
            services.AddSingleton(sp => new DeadlineScanner(
                sp.GetRequiredService<IDbContextFactory<PublicServiceDbContext>>(), sp.GetRequiredService<WorkingCalendarProvider>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetServices<IAlertChangeListener>(), sp.GetService<ILogger<DeadlineScanner>>())
            {
                AfterBatchAsync = CrashTestHooks.AfterScanBatch(batchDelay),
            });
        else
            services.AddSingleton<DeadlineScanner>();
        services.AddTransient<CalendarChanges>();
        // Identity's stores and managers, without the cookie parts: verbs create accounts too. Program.cs adds
        // the sign-in manager and cookies for the web app.
        services.AddIdentityCore<StaffUser>(StaffIdentity.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PublicServiceDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>();
        services.AddTransient<Domain.Audit.AuditTrail>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<StaffAdministration>();
        services.AddScoped<Domain.Demo.DemoStaff>();
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
        // Demo accounts share a published password: only a database the demo data was just seeded into gets them,
        // never a real one someone started with --demo by mistake.
        await using var scope = services.CreateAsyncScope();
        var demoStaff = scope.ServiceProvider.GetRequiredService<Domain.Demo.DemoStaff>();
        if (report is not null)
        {
            var created = await demoStaff.SeedAsync();
            output.WriteLine($"Đã tạo {created} tài khoản demo.");
        }
        if (await demoStaff.AnyExistsAsync())
            foreach (var line in Domain.Demo.DemoStaff.Describe()) output.WriteLine(line);
    }

    /// <summary>Creates the demo accounts that are missing (one per role); returns how many it created.</summary>
    public static async Task<int> SeedDemoStaffAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Domain.Demo.DemoStaff>().SeedAsync();
    }

    /// <summary>Brings the schema up to date and swaps in the calendar compiled from the stored settings and overrides.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAndLoadCalendarAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<PublicServiceDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var applied = await DatabaseSetup.MigrateAsync(db, ct);
        services.GetRequiredService<WorkingCalendarProvider>().Replace(await db.CompileCalendarAsync(ct));
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StaffAccounts>().EnsureRolesAsync();
        return applied;
    }
}
