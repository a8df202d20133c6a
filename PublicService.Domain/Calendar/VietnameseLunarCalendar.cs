namespace PublicService.Domain.Calendar;

/// <summary>
/// Gregorian ↔ Vietnamese lunar conversion, computed astronomically (new moons and solar terms) at UTC+7.
/// Deliberately not <see cref="System.Globalization.ChineseLunisolarCalendar"/>, which works at UTC+8.
/// </summary>
public static class VietnameseLunarCalendar
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    public static LunarDate FromGregorian(DateOnly date) => throw new NotImplementedException();

    /// <summary>Throws <see cref="ArgumentException"/> when the lunar date does not exist (e.g. a leap month that year lacks).</summary>
    public static DateOnly ToGregorian(LunarDate date) => throw new NotImplementedException();
}
