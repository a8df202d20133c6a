using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PublicService.Domain.Calendar;

namespace PublicService.Domain.Persistence.Configurations.Catalog;

/// <summary>
/// Stores a <see cref="ProcessingTime"/> inside JSON content as "3 WorkingDays". A converter rather than a nested
/// complex type because EF Core cannot bind a complex property through the record's constructor; its own format
/// rather than <see cref="ProcessingTime.ToString"/> so stored data does not depend on a display form.
/// </summary>
internal sealed class ProcessingTimeConverter() : ValueConverter<ProcessingTime, string>(
    time => Format(time),
    text => Read(text))
{
    public static ProcessingTimeConverter Instance { get; } = new();

    private static string Format(ProcessingTime time) =>
        time.Amount.ToString(CultureInfo.InvariantCulture) + " " + time.Unit;

    private static ProcessingTime Read(string text)
    {
        var space = text.IndexOf(' ');
        return new ProcessingTime(
            int.Parse(text.AsSpan(0, space), CultureInfo.InvariantCulture),
            Enum.Parse<TimeUnit>(text.AsSpan(space + 1)));
    }
}
