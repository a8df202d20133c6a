using PublicService.Domain;
using PublicService.Domain.Calendar;

namespace PublicService.Tests.Domain.Calendar;

public sealed class CalendarOverrideTests
{
    [Fact]
    public void Constructor_ValidInput_TrimsReasonAndDecree()
    {
        var item = new CalendarOverride(new DateOnly(2026, 2, 13), CalendarOverrideKind.DayOff, "  Nghỉ Tết  ", " 123/QĐ-TTg ");

        Assert.Equal("Nghỉ Tết", item.Reason);
        Assert.Equal("123/QĐ-TTg", item.DecreeNumber);
        Assert.Equal(CalendarOverrideKind.DayOff, item.Kind);
        Assert.Equal(new DateOnly(2026, 2, 13), item.Date);
    }

    [Theory]
    [InlineData("", "123/QĐ-TTg", "calendar.override.reason-required", "Reason")]
    [InlineData("   ", "123/QĐ-TTg", "calendar.override.reason-required", "Reason")]
    [InlineData("Nghỉ Tết", "", "calendar.override.decree-required", "DecreeNumber")]
    [InlineData("Nghỉ Tết", " ", "calendar.override.decree-required", "DecreeNumber")]
    public void Constructor_MissingText_ThrowsDomainException(string reason, string decree, string code, string field)
    {
        var ex = Assert.Throws<DomainException>(() => new CalendarOverride(new DateOnly(2026, 2, 13), CalendarOverrideKind.DayOff, reason, decree));

        Assert.Equal(code, ex.Error.Code);
        Assert.Equal(field, ex.Error.Field);
        Assert.EndsWith("không được để trống.", ex.Error.Message);
    }

    [Fact]
    public void Constructor_ReasonTooLong_ThrowsDomainException()
    {
        var reason = new string('a', CalendarOverride.ReasonMaxLength + 1);

        var ex = Assert.Throws<DomainException>(() => new CalendarOverride(new DateOnly(2026, 2, 13), CalendarOverrideKind.DayOff, reason, "1/QĐ"));

        Assert.Equal("calendar.override.reason-too-long", ex.Error.Code);
    }

    [Fact]
    public void Constructor_ReasonAtMaxLengthAfterTrim_IsAccepted()
    {
        var reason = " " + new string('a', CalendarOverride.ReasonMaxLength) + " ";

        var item = new CalendarOverride(new DateOnly(2026, 2, 13), CalendarOverrideKind.DayOff, reason, "1/QĐ");

        Assert.Equal(CalendarOverride.ReasonMaxLength, item.Reason.Length);
    }

    [Fact]
    public void Constructor_DecreeTooLong_ThrowsDomainException()
    {
        var decree = new string('1', CalendarOverride.DecreeMaxLength + 1);

        var ex = Assert.Throws<DomainException>(() => new CalendarOverride(new DateOnly(2026, 2, 13), CalendarOverrideKind.WorkingDay, "Làm bù", decree));

        Assert.Equal("calendar.override.decree-too-long", ex.Error.Code);
        Assert.Equal("DecreeNumber", ex.Error.Field);
    }

    [Fact]
    public void Constructor_UndefinedKind_ThrowsDomainException()
    {
        var ex = Assert.Throws<DomainException>(() => new CalendarOverride(new DateOnly(2026, 2, 13), (CalendarOverrideKind)9, "Làm bù", "1/QĐ"));

        Assert.Equal("calendar.override.kind-invalid", ex.Error.Code);
    }
}
