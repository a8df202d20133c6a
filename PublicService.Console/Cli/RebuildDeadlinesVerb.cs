using PublicService.Console.Hosting;
using PublicService.Domain.Dossiers;

namespace PublicService.Console.Cli;

/// <summary><c>rebuild-deadlines [--dry-run]</c>: recomputes derived deadline columns from the events.</summary>
public static class RebuildDeadlinesVerb
{
    public static async Task<int> RunAsync(VerbArguments arguments, IServiceProvider services, TextWriter output)
    {
        MigrateVerb.NoPositionals(arguments, "rebuild-deadlines");
        var dryRun = arguments.Flag("dry-run");
        await DomainServices.MigrateAndLoadCalendarAsync(services);
        var report = await services.GetRequiredService<DeadlineRebuilder>().RebuildAsync(dryRun);
        output.WriteLine($"{report.Examined} examined, {report.Differed} differed{(dryRun ? " (dry run: nothing written)" : report.Differed > 0 ? " (rewritten)" : "")}");
        if (report.SampleCodes.Count > 0) output.WriteLine($"e.g. {string.Join(", ", report.SampleCodes)}");
        return 0;
    }
}
