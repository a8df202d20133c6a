using System.Globalization;
using PublicService.Domain.Calendar;

namespace PublicService.Console.Components.Shared;

/// <summary>How the console shows days and instants: <c>dd/MM/yyyy</c>, 24-hour clock, Vietnam time, in every UI culture.</summary>
public static class Format
{
    public const string DatePattern = "dd/MM/yyyy";
    public const string TimePattern = "HH:mm";
    public const string DateTimePattern = DatePattern + " " + TimePattern;

    public static string Date(DateOnly date) => date.ToString(DatePattern, CultureInfo.InvariantCulture);

    /// <summary>The Vietnam calendar day of a UTC instant.</summary>
    public static string Date(DateTime utc) => VietnamTime.ToLocal(utc).ToString(DatePattern, CultureInfo.InvariantCulture);

    /// <summary>The Vietnam wall-clock time of a UTC instant, e.g. <c>11/02/2026 00:30</c>.</summary>
    public static string DateTime(DateTime utc) => VietnamTime.ToLocal(utc).ToString(DateTimePattern, CultureInfo.InvariantCulture);

    public static string Time(DateTime utc) => VietnamTime.ToLocal(utc).ToString(TimePattern, CultureInfo.InvariantCulture);
}
