using PublicService.Console.Components.Shared;

namespace PublicService.Tests.Components.Shared;

public sealed class FormatTests
{
    private static readonly DateTime _lateEveningUtc = new(2026, 2, 10, 17, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void DateTime_UtcInstant_IsVietnamWallClockDayFirst()
    {
        Assert.Equal("11/02/2026 00:30", Format.DateTime(_lateEveningUtc));
    }

    [Fact]
    public void Date_UtcInstantAfterVietnamMidnight_IsNextDay()
    {
        Assert.Equal("11/02/2026", Format.Date(_lateEveningUtc));
    }

    [Fact]
    public void Time_UtcAfternoon_Uses24HourClock()
    {
        Assert.Equal("21:05", Format.Time(new DateTime(2026, 2, 10, 14, 5, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Date_DateOnly_IsDayMonthYear()
    {
        Assert.Equal("02/09/2026", Format.Date(new DateOnly(2026, 9, 2)));
    }
}
