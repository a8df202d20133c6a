namespace PublicService.Domain.Calendar;

/// <summary>A date of the Vietnamese lunisolar calendar (âm lịch).</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false);
