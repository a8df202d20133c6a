using System.Globalization;
using PublicService.Console.Hosting;
using PublicService.Domain.Calendar;

namespace PublicService.Console.Cli;

/// <summary><c>calendar YEAR</c>: the year's days off under the current calendar, one per line.</summary>
public static class CalendarVerb
{
    public static async Task<int> RunAsync(VerbArguments arguments, IServiceProvider services, TextWriter output)
    {
        if (arguments.Positionals.Count != 1)
            throw new VerbArgumentException("usage: calendar YEAR (e.g. calendar 2026)");
        var text = arguments.Positionals[0];
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < WorkingCalendar.DefaultFirstYear || year > WorkingCalendar.DefaultLastYear)
            throw new VerbArgumentException($"YEAR must be a year from {WorkingCalendar.DefaultFirstYear} to {WorkingCalendar.DefaultLastYear} (got '{text}')");
        await DomainServices.MigrateAndLoadCalendarAsync(services);
        var calendar = services.GetRequiredService<WorkingCalendarProvider>().Current;

        foreach (var day in calendar.DaysOff(year))
            output.WriteLine($"{day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\t{KebabCase(day.Kind)}\t{day.Name}");
        return 0;
    }

    /// <summary>The stable command-line spelling of a kind: <c>HungKings</c> → <c>hung-kings</c>.</summary>
    public static string KebabCase(DayOffKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
