using PublicService.Domain.Calendar;

namespace PublicService.Tests.Domain.Calendar;

public sealed class ProcessingTimeTests
{
    [Theory]
    [InlineData("3 working-days", 3, TimeUnit.WorkingDays)]
    [InlineData("4 working-hours", 4, TimeUnit.WorkingHours)]
    [InlineData("30 calendar-days", 30, TimeUnit.CalendarDays)]
    [InlineData("same-day", 0, TimeUnit.SameDay)]
    [InlineData("0 same-day", 0, TimeUnit.SameDay)]
    [InlineData("0 working-days", 0, TimeUnit.WorkingDays)]
    [InlineData("  15   Working-Days ", 15, TimeUnit.WorkingDays)]
    public void Parse_ValidText_ReturnsAmountAndUnit(string text, int amount, TimeUnit unit)
    {
        Assert.Equal(new ProcessingTime(amount, unit), ProcessingTime.Parse(text));
    }

    [Theory]
    [InlineData("3 days", "unknown unit 'days'; expected working-days, working-hours, calendar-days or same-day")]
    [InlineData("-2 working-days", "amount -2 is negative")]
    [InlineData("three working-days", "amount 'three' is not a whole number")]
    [InlineData("2 same-day", "same-day takes no amount")]
    [InlineData("5", "missing unit after '5'")]
    [InlineData("working-days", "missing amount before 'working-days'")]
    [InlineData("", "processing time is empty")]
    [InlineData("3 working days", "has 3 parts")]
    public void Parse_InvalidText_ThrowsFormatExceptionNamingTheProblem(string text, string expectedMessage)
    {
        var ex = Assert.Throws<FormatException>(() => ProcessingTime.Parse(text));

        Assert.Contains(expectedMessage, ex.Message);
    }

    [Theory]
    [InlineData("3 working-days")]
    [InlineData("4 working-hours")]
    [InlineData("30 calendar-days")]
    [InlineData("same-day")]
    public void ToString_ParsedText_ReturnsTheSameText(string text)
    {
        Assert.Equal(text, ProcessingTime.Parse(text).ToString());
    }

    [Fact]
    public void Constructor_NegativeAmount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProcessingTime(-1, TimeUnit.WorkingDays));
    }

    [Fact]
    public void With_NegativeAmount_Throws()
    {
        var time = new ProcessingTime(3, TimeUnit.WorkingDays);

        Assert.Throws<ArgumentOutOfRangeException>(() => time with { Amount = -3 });
    }

    [Fact]
    public void Create_SameDayWithAmount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessingTime.Create(1, TimeUnit.SameDay));
    }

    [Fact]
    public void TryParse_InvalidText_ReturnsFalseWithReason()
    {
        var ok = ProcessingTime.TryParse("3 weeks", out var result, out var error);

        Assert.False(ok);
        Assert.Null(result);
        Assert.StartsWith("unknown unit 'weeks'", error);
    }
}
