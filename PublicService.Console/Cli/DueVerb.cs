using System.Globalization;
using System.Text.RegularExpressions;
using PublicService.Console.Hosting;
using PublicService.Domain.Calendar;

namespace PublicService.Console.Cli;

/// <summary><c>due --received ISO --time "N unit" [--explain]</c>: the due instant under the current calendar and settings.</summary>
public static class DueVerb
{
    public static async Task<int> RunAsync(VerbArguments arguments, IServiceProvider services, TextWriter output)
    {
        MigrateVerb.NoPositionals(arguments, "due");
        var received = ParseInstant(arguments.RequiredOption("received", "2026-02-11T09:00:00+07:00"));
        var timeText = arguments.RequiredOption("time", "\"3 working-days\"");
        ProcessingTime time;
        try
        {
            time = ProcessingTime.Parse(timeText);
        }
        catch (FormatException e)
        {
            throw new VerbArgumentException($"--time: {e.Message}");
        }
        var explain = arguments.Flag("explain");

        await DomainServices.MigrateAndLoadCalendarAsync(services);
        var calendar = services.GetRequiredService<WorkingCalendarProvider>().Current;
        var year = VietnamTime.DateOf(received).Year;
        if (year < calendar.FirstYear || year >= calendar.LastYear)
            throw new VerbArgumentException($"--received must fall between {calendar.FirstYear} and {calendar.LastYear - 1}");
        var due = DueDateCalculator.Compute(calendar, received, time);
        output.WriteLine(VietnamTime.ToIso(due.DueUtc));
        if (explain)
            foreach (var line in due.ExplanationText(CultureInfo.GetCultureInfo("vi-VN")))
                output.WriteLine(line);
        return 0;
    }

    /// <summary>ISO 8601; without an offset the time is taken as Vietnam time.</summary>
    public static DateTime ParseInstant(string text)
    {
        var hasOffset = Regex.IsMatch(text, @"(Z|[+-]\d\d:\d\d)$");
        if (Regex.IsMatch(text, @"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, hasOffset ? DateTimeStyles.None : DateTimeStyles.AssumeUniversal, out var parsed))
            return hasOffset ? parsed.UtcDateTime : VietnamTime.ToUtc(parsed.UtcDateTime);
        throw new VerbArgumentException($"--received must be ISO 8601 such as 2026-02-11T09:00:00+07:00 (got '{text}')");
    }
}
