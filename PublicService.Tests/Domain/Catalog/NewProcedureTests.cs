using PublicService.Domain;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;

namespace PublicService.Tests.Domain.Catalog;

/// <summary>The few fields a procedure is created from, and the refusals named as the create form names its inputs.</summary>
public class NewProcedureTests
{
    private static NewProcedure Valid() => new()
    {
        Code = " 1.009999.000.00.00.h48 ",
        DecisionNumber = "15/QĐ-UBND",
        Name = "Cấp giấy phép khai thác nước dưới đất",
        FieldId = 3,
        LevelIds = [1],
        ImplementingAgencyId = 2,
        ResultName = "Giấy phép",
        Channels = [Channel.InPerson, Channel.Online],
        TimeAmount = 7,
        TimeUnit = TimeUnit.WorkingDays,
    };

    private static DomainError Refusal(NewProcedure input) => Assert.Throws<DomainException>(() => input.Validate()).Error;

    [Fact]
    public void Validate_OneStop_OneDefaultCaseWithEachChannelAndTheTimeInWords()
    {
        var (code, content) = Valid().Validate();

        Assert.Equal("1.009999.000.00.00.H48", code.Value);
        var @case = Assert.Single(content.Cases);
        Assert.Equal(ProcedureCase.DefaultCode, @case.Code);
        Assert.Equal([Channel.InPerson, Channel.Online], @case.Channels.Select(c => c.Channel));
        Assert.All(@case.Channels, c => Assert.Equal("7 ngày làm việc", c.TimeText));
        Assert.Empty(@case.Steps);
        Assert.Null(content.AlertOverride);
    }

    [Fact]
    public void Validate_Interconnected_StartsWithOneStepHoldingTheWholeTime()
    {
        var (_, content) = (Valid() with { Kind = ProcedureKind.Interconnected, TimeText = "07 ngày làm việc" }).Validate();

        var step = Assert.Single(content.DefaultCase().Steps);
        Assert.Equal(2, step.AgencyId);
        Assert.Equal(new ProcessingTime(7, TimeUnit.WorkingDays), step.Share);
        Assert.Equal("07 ngày làm việc", content.Cases[0].Channels[0].TimeText);
    }

    [Fact]
    public void Validate_SameDay_IgnoresTheAmount() =>
        Assert.Equal(
            new ProcessingTime(0, TimeUnit.SameDay),
            (Valid() with { TimeUnit = TimeUnit.SameDay, TimeAmount = 5 }).Validate().Content.Cases[0].Channels[0].Time);

    [Theory]
    [InlineData("", "Code")]
    [InlineData("1.12", "Code")]
    public void Validate_BadCode_RefusedNamingCode(string code, string field) =>
        Assert.Equal(field, Refusal(Valid() with { Code = code }).Field);

    [Fact]
    public void Validate_ZeroTime_RefusedNamingTime() =>
        Assert.Equal(nameof(NewProcedure.Time), Refusal(Valid() with { TimeAmount = 0 }).Field);

    [Fact]
    public void Validate_NoChannel_RefusedNamingChannels() =>
        Assert.Equal(nameof(NewProcedure.Channels), Refusal(Valid() with { Channels = [] }).Field);

    [Theory]
    [InlineData(nameof(NewProcedure.Name))]
    [InlineData(nameof(NewProcedure.DecisionNumber))]
    [InlineData(nameof(NewProcedure.ResultName))]
    public void Validate_MissingText_RefusedNamingIt(string field)
    {
        var input = field switch
        {
            nameof(NewProcedure.Name) => Valid() with { Name = " " },
            nameof(NewProcedure.DecisionNumber) => Valid() with { DecisionNumber = "" },
            _ => Valid() with { ResultName = "" },
        };

        Assert.Equal(field, Refusal(input).Field);
    }

    [Fact]
    public void Validate_NoLevelOrAgency_RefusedNamingThem()
    {
        Assert.Equal(nameof(NewProcedure.LevelIds), Refusal(Valid() with { LevelIds = [] }).Field);
        Assert.Equal(nameof(NewProcedure.ImplementingAgencyId), Refusal(Valid() with { ImplementingAgencyId = 0 }).Field);
        Assert.Equal(nameof(NewProcedure.FieldId), Refusal(Valid() with { FieldId = 0 }).Field);
    }
}

file static class ContentExtensions
{
    public static ProcedureCase DefaultCase(this ProcedureContent content) => content.Cases[0];
}
