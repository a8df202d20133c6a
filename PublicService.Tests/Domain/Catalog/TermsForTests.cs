using PublicService.Domain;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Monitoring;
using static PublicService.Tests.Domain.Catalog.ProcedureBuilder;

namespace PublicService.Tests.Domain.Catalog;

public class TermsForTests
{
    [Fact]
    public void TermsFor_OneStop_GivesSingleStepAtImplementingAgencyWithWholeTotal()
    {
        var version = Procedure.Create("1.001193", OneStop(implementingAgencyId: 7) with
        {
            AlertOverride = new AlertThresholds(240, null),
        }).Versions[0];

        var terms = version.TermsFor("xac-minh", Channel.InPerson);

        Assert.Equal(WorkingDays(15), terms.Total);
        var step = Assert.Single(terms.Steps);
        Assert.Equal(new ProcessingStepTerm(1, ProcedureVersion.OneStopStepName, 7, WorkingDays(15)), step);
        Assert.Equal(SupplementClockMode.Pause, terms.SupplementMode);
        Assert.Equal(new AlertThresholds(240, null), terms.AlertOverride);
    }

    [Fact]
    public void TermsFor_Interconnected_GivesOrderedStepsOfTheCase()
    {
        var version = Procedure.Create("1.004227", Interconnected(11, 12, 13)).Versions[0];

        var terms = version.TermsFor("DEFAULT", Channel.Online);

        Assert.Equal(WorkingDays(10), terms.Total);
        Assert.Equal([11, 12, 13, 11], terms.Steps.Select(s => s.AgencyId));
        Assert.Equal([5, 3, 2, 0], terms.Steps.Select(s => s.Share.Amount));
        Assert.Equal([1, 2, 3, 4], terms.Steps.Select(s => s.Order));
        Assert.Equal(SupplementClockMode.Restart, terms.SupplementMode);
        Assert.Null(terms.AlertOverride);
    }

    [Fact]
    public void TermsFor_ChannelNotOffered_Refused()
    {
        var version = Procedure.Create("1.001193", OneStop()).Versions[0];

        var error = Assert.Throws<DomainException>(() => version.TermsFor("xac-minh", Channel.Online)).Error;

        Assert.Equal("catalog.procedure.channel-not-offered", error.Code);
        Assert.Equal(
            "Trường hợp \"Trường hợp phải xác minh\" của thủ tục \"Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam\" "
            + "không thực hiện trực tuyến.",
            error.Message);
    }

    [Fact]
    public void TermsFor_UnknownCase_Refused() =>
        Assert.Equal(
            "catalog.procedure.case-not-found",
            Assert.Throws<DomainException>(
                () => Procedure.Create("1.001193", OneStop()).Versions[0].TermsFor("khong-co", Channel.InPerson)).Error.Code);

    [Fact]
    public void TermsFor_SameDay_GivesZeroAmountTotal()
    {
        var sameDay = new ProcessingTime(0, TimeUnit.SameDay);
        var version = Procedure.Create("2.000635", OneStop().WithDefaultCase(
            [new ChannelTerm(Channel.InPerson, sameDay, "Ngay trong ngày tiếp nhận yêu cầu")])).Versions[0];

        Assert.Equal(sameDay, version.TermsFor("default", Channel.InPerson).Total);
    }
}
