using System.Text.Json;
using PublicService.Console.Hosting;
using PublicService.Domain.Monitoring;

namespace PublicService.Console.Cli;

/// <summary>
/// <c>scan-deadlines [--now ISO] [--all]</c>: one deadline scan, printed as one JSON line of counts. <c>--all</c>
/// re-levels every running dossier (after deadlines moved later, e.g. an imported day off). When another process
/// holds the scan lease, nothing is written and the verb exits with 1 and says so on stderr.
/// </summary>
public static class ScanDeadlinesVerb
{
    public static async Task<int> RunAsync(VerbArguments arguments, IServiceProvider services, TextWriter output)
    {
        MigrateVerb.NoPositionals(arguments, "scan-deadlines");
        DateTime? now = null;
        if (arguments.Option("now") is { } text)
        {
            try
            {
                now = DueVerb.ParseInstant(text);
            }
            catch (VerbArgumentException)
            {
                throw new VerbArgumentException($"--now must be ISO 8601 such as 2026-02-11T09:00:00+07:00 (got '{text}')");
            }
        }

        var all = arguments.Flag("all");

        await DomainServices.MigrateAndLoadCalendarAsync(services);
        var scanner = services.GetRequiredService<DeadlineScanner>();
        var result = all ? await scanner.RelevelAllAsync(now) : await scanner.ScanAsync(now);
        if (result.Skipped)
        {
            System.Console.Error.WriteLine("another deadline scan is running (its lease is taken); nothing was scanned");
            return 1;
        }
        output.WriteLine(JsonSerializer.Serialize(new
        {
            scanned = result.Scanned,
            changed = result.Changed,
            approaching = result.Approaching,
            dueToday = result.DueToday,
            overdue = result.Overdue,
            // Interconnected dossiers' current-step levels, left out of the dossier counts above.
            stepChanged = result.StepChanged,
            elapsedMs = result.ElapsedMs,
        }));
        return 0;
    }
}
