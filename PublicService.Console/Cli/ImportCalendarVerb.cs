using PublicService.Console.Hosting;
using PublicService.Domain.Audit;
using PublicService.Domain.Calendar;

namespace PublicService.Console.Cli;

/// <summary>
/// <c>import-calendar FILE [--dry-run] [--actor NAME]</c>: the year's decreed overrides from iCalendar (<c>.ics</c>) or
/// CSV (<c>date,kind,reason,decree</c>), all-or-nothing; says how many open dossiers' deadlines move. A real import
/// is audited like a save on the calendar page (<c>calendar.overrides-saved</c>), in the name of <c>--actor</c> or
/// else the operating-system user running the verb.
/// </summary>
public static class ImportCalendarVerb
{
    public static async Task<int> RunAsync(VerbArguments arguments, IServiceProvider services, TextWriter output)
    {
        if (arguments.Positionals.Count != 1)
            throw new VerbArgumentException("usage: import-calendar FILE [--dry-run] [--actor NAME] (FILE is .ics or .csv)");
        var path = arguments.Positionals[0];
        var dryRun = arguments.Flag("dry-run");
        var actor = arguments.Option("actor") ?? Environment.UserName;
        if (string.IsNullOrWhiteSpace(actor)) throw new VerbArgumentException("--actor must name who imports (e.g. --actor \"Nguyễn Văn A\")");
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
        if (!dryRun)
            await ActivatorUtilities.CreateInstance<AuditTrail>(services).RecordAsync(
                AuditActions.CalendarOverridesSaved, actor.Trim(), "calendar", CalendarChanges.AuditDetail(result.Overrides, report.DueDatesMoved));
        output.WriteLine($"{report.Added} overrides {(dryRun ? "would be added" : "added")}, {report.Replaced} {(dryRun ? "would be replaced" : "replaced")}; " +
            $"{report.DossiersMoved} dossiers' deadlines {(dryRun ? "would move" : "moved")}");
        if (report.SampleCodes.Count > 0) output.WriteLine($"e.g. {string.Join(", ", report.SampleCodes)}");
        return 0;
    }
}
