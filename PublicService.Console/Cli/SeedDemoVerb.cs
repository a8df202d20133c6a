using PublicService.Console.Hosting;
using PublicService.Domain.Demo;

namespace PublicService.Console.Cli;

/// <summary><c>seed-demo [--dossiers N] [--seed S]</c>: the demo catalog (once), one demo account per role (once) and N deterministic demo dossiers.</summary>
public static class SeedDemoVerb
{
    public static async Task<int> RunAsync(VerbArguments arguments, IServiceProvider services, TextWriter output)
    {
        MigrateVerb.NoPositionals(arguments, "seed-demo");
        var dossiers = arguments.IntOption("dossiers", DemoSeeder.DefaultDossierCount, 0, 5_000_000);
        var seed = arguments.IntOption("seed", DemoSeeder.DefaultSeed, 0, int.MaxValue);
        await DomainServices.MigrateAndLoadCalendarAsync(services);
        var report = await ActivatorUtilities.CreateInstance<DemoSeeder>(services).SeedAsync(dossiers, seed);
        output.WriteLine(report.ToString());
        var staff = await DomainServices.SeedDemoStaffAsync(services);
        output.WriteLine($"{staff} demo accounts created (password {DemoStaff.Password})");
        return 0;
    }
}
