namespace PublicService.Domain.Calendar;

/// <summary>
/// Vietnam keeps UTC+7 all year (no daylight saving). Instants are stored as UTC <see cref="DateTime"/>;
/// this is the one place that converts them to and from Vietnam wall-clock time.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>Wall-clock time in Vietnam for a UTC instant (Kind = Unspecified).</summary>
    public static DateTime ToLocal(DateTime utc) =>
        DateTime.SpecifyKind(EnsureUtc(utc) + Offset, DateTimeKind.Unspecified);

    /// <summary>The UTC instant of a Vietnam wall-clock time.</summary>
    public static DateTime ToUtc(DateTime local) =>
        DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);

    public static DateTime ToUtc(DateOnly date, TimeOnly time) => ToUtc(date.ToDateTime(time));

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public static DateTimeOffset ToOffset(DateTime utc) => new(ToLocal(utc), Offset);

    /// <summary>ISO 8601 with the +07:00 offset, as the command line prints instants.</summary>
    public static string ToIso(DateTime utc) => ToOffset(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTime EnsureUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value.ToUniversalTime(),
    };
}
