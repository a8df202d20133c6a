using PublicService.Console.Hosting;
using PublicService.Domain.Calendar;

namespace PublicService.Console.Cli;

/// <summary>
/// <c>import-calendar FILE [--dry-run]</c>: the year's decreed overrides from iCalendar (<c>.ics</c>) or CSV
/// (<c>date,kind,reason,decree</c>), all-or-nothing; says how many open dossiers' deadlines move.
/// </summary>
public static class ImportCalendarVerb
{
    public static async Task<int> RunAsync(VerbArguments arguments, IServiceProvider services, TextWriter output)
    {
        if (arguments.Positionals.Count != 1)
            throw new VerbArgumentException("usage: import-calendar FILE [--dry-run] (FILE is .ics or .csv)");
        var path = arguments.Positionals[0];
        var dryRun = arguments.Flag("dry-run");
        if (!File.Exists(path)) throw new VerbArgumentException($"file not found: {path}");

        await using var stream = File.OpenRead(path);
        var result = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".ics" => CalendarOverrideImport.ParseICalendar(stream),
            ".csv" => CalendarOverrideImport.ParseCsv(stream),
            _ => throw new VerbArgumentException($"{path}: expected a .ics or .csv file"),
        };
        if (!result.Succeeded)
            throw new VerbArgumentException($"{path}: nothing imported; {string.Join("; ", result.Errors)}");

        await DomainServices.MigrateAndLoadCalendarAsync(services);
        var changes = ActivatorUtilities.CreateInstance<CalendarChanges>(services);
        var report = dryRun ? await changes.PreviewAsync(result.Overrides) : await changes.ApplyAsync(result.Overrides);
        output.WriteLine($"{report.Added} overrides {(dryRun ? "would be added" : "added")}, {report.Replaced} {(dryRun ? "would be replaced" : "replaced")}; " +
            $"{report.DossiersMoved} dossiers' deadlines {(dryRun ? "would move" : "moved")}");
        if (report.SampleCodes.Count > 0) output.WriteLine($"e.g. {string.Join(", ", report.SampleCodes)}");
        return 0;
    }
}
