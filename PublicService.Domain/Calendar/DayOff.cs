namespace PublicService.Domain.Calendar;

/// <summary>Why a weekday is not a working day. The command line prints these in kebab-case.</summary>
public enum DayOffKind
{
    NewYear = 1,
    Tet = 2,
    HungKings = 3,
    Reunification = 4,
    LabourDay = 5,
    NationalDay = 6,
    Compensatory = 7,
    OverrideOff = 8,
}

/// <summary>A named day off. <paramref name="Name"/> is the Vietnamese name ("Tết Nguyên đán").</summary>
public sealed record DayOff(DateOnly Date, DayOffKind Kind, string Name);
