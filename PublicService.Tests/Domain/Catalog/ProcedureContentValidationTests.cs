using PublicService.Domain;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Monitoring;
using static PublicService.Tests.Domain.Catalog.ProcedureBuilder;

namespace PublicService.Tests.Domain.Catalog;

public class ProcedureContentValidationTests
{
    private static DomainError Refusal(ProcedureContent content) =>
        Assert.Throws<DomainException>(() => Procedure.Create("1.001193", content)).Error;

    [Fact]
    public void Create_ValidContent_GivesDraftVersionOne()
    {
        var procedure = Procedure.Create("2.000635", OneStop());

        var version = Assert.Single(procedure.Versions);
        Assert.Equal(1, version.Number);
        Assert.Equal(VersionStatus.Draft, version.Status);
        Assert.Same(version, procedure.Draft);
        Assert.Null(version.EffectiveFrom);
    }

    [Fact]
    public void Create_BadCode_RefusedBeforeContent() =>
        Assert.Equal(
            "catalog.procedure.code-invalid",
            Assert.Throws<DomainException>(() => Procedure.Create("1-001193", OneStop())).Error.Code);

    [Fact]
    public void Create_NoCase_Refused()
    {
        var error = Refusal(OneStop() with { Cases = [] });

        Assert.Equal("Thủ tục phải có ít nhất một trường hợp.", error.Message);
        Assert.Equal("Cases", error.Field);
    }

    [Fact]
    public void Create_NegativeFee_RefusedNamingCaseChannelAndRow()
    {
        var content = OneStop().WithDefaultCase(
            [InPerson(10, new Fee("Phí cấp Phiếu", 200_000), new Fee("Phí gửi trả kết quả", -5_000))]);

        var error = Refusal(content);

        Assert.Equal(
            "Trường hợp 1 (Trường hợp thông thường), cách thức trực tiếp, phí/lệ phí dòng 2: số tiền không được âm (-5.000 đồng).",
            error.Message);
        Assert.Equal("catalog.procedure.fee-negative", error.Code);
        Assert.Equal("Cases[0].Channels[0].Fees[1].Amount", error.Field);
    }

    [Fact]
    public void Create_SharesNotAddingUp_RefusedWithExactMessage()
    {
        var content = Interconnected().WithDefaultCase([InPerson(10)], Steps(1, 2, 3, 5, 3, 1));

        var error = Refusal(content);

        Assert.Equal(
            "Trường hợp 1 (Trường hợp thông thường), cách thức trực tiếp: tổng thời gian các bước (9 ngày làm việc) "
            + "khác thời hạn giải quyết (10 ngày làm việc).",
            error.Message);
        Assert.Equal("catalog.procedure.step-sum", error.Code);
        Assert.Equal("Cases[0].Steps", error.Field);
    }

    [Fact]
    public void Create_SharesFitOneChannelButNotAnother_RefusedNamingThatChannel()
    {
        var content = Interconnected().WithDefaultCase(
            [InPerson(10), new ChannelTerm(Channel.Online, WorkingDays(8), "08 ngày làm việc")], Steps(1, 2, 3, 5, 3, 2));

        Assert.Equal(
            "Trường hợp 1 (Trường hợp thông thường), cách thức trực tuyến: tổng thời gian các bước (10 ngày làm việc) "
            + "khác thời hạn giải quyết (8 ngày làm việc).",
            Refusal(content).Message);
    }

    [Fact]
    public void Create_ShareInOtherUnit_Refused()
    {
        ProcedureStep[] steps =
        [
            new(1, "Thẩm định", 1, WorkingDays(10)),
            new(2, "Trả kết quả", 1, new ProcessingTime(0, TimeUnit.WorkingHours)),
        ];

        var error = Refusal(Interconnected().WithDefaultCase([InPerson(10)], steps));

        Assert.Equal("catalog.procedure.step-unit", error.Code);
        Assert.Equal("Cases[0].Steps[1].Share", error.Field);
    }

    [Fact]
    public void Create_InterconnectedWithoutSteps_Refused() =>
        Assert.Equal("catalog.procedure.steps-required", Refusal(Interconnected().WithDefaultCase([InPerson(10)])).Code);

    [Fact]
    public void Create_OneStopWithSteps_Refused() =>
        Assert.Equal(
            "catalog.procedure.steps-one-stop",
            Refusal(OneStop().WithDefaultCase([InPerson(10)], Steps(1, 2, 3, 5, 3, 2))).Code);

    [Fact]
    public void Create_StepsNumberedWithGap_Refused()
    {
        ProcedureStep[] steps = [new(1, "Thẩm định", 1, WorkingDays(6)), new(3, "Phê duyệt", 2, WorkingDays(4))];

        var error = Refusal(Interconnected().WithDefaultCase([InPerson(10)], steps));

        Assert.Equal(
            "Trường hợp 1 (Trường hợp thông thường): các bước phải đánh số liên tục từ 1 (bước thứ 2 đang mang số 3).",
            error.Message);
    }

    [Fact]
    public void Create_DuplicateCaseCode_Refused()
    {
        var content = OneStop() with
        {
            Cases = [.. OneStop().Cases, new ProcedureCase("xac-minh", "Trùng mã", [InPerson(15)])],
        };

        Assert.Equal(
            "Trường hợp 3 (Trùng mã): mã trường hợp \"xac-minh\" bị trùng.",
            Refusal(content).Message);
    }

    [Theory]
    [InlineData("xác minh")]
    [InlineData("xac_minh")]
    [InlineData("")]
    public void Create_BadCaseCode_Refused(string code) =>
        Assert.Equal(
            "catalog.procedure.case-code-invalid",
            Refusal(OneStop() with { Cases = [new ProcedureCase(code, "Xác minh", [InPerson(15)])] }).Code);

    [Fact]
    public void Create_CaseWithoutChannel_Refused() =>
        Assert.Equal(
            "Trường hợp 1 (Trường hợp thông thường): chưa có cách thức thực hiện nào.",
            Refusal(OneStop().WithDefaultCase([])).Message);

    [Fact]
    public void Create_SameChannelTwice_Refused() =>
        Assert.Equal("catalog.procedure.channel-duplicate", Refusal(OneStop().WithDefaultCase([InPerson(10), InPerson(5)])).Code);

    [Theory]
    [InlineData(0, TimeUnit.WorkingDays, "thời hạn giải quyết phải lớn hơn 0.")]
    [InlineData(1, TimeUnit.SameDay, "thời hạn \"trong ngày\" không kèm số lượng.")]
    public void Create_BadTime_Refused(int amount, TimeUnit unit, string tail)
    {
        var content = OneStop().WithDefaultCase([new ChannelTerm(Channel.InPerson, new ProcessingTime(amount, unit), "Trong ngày")]);

        Assert.Equal($"Trường hợp 1 (Trường hợp thông thường), cách thức trực tiếp: {tail}", Refusal(content).Message);
    }

    [Fact]
    public void Create_MissingPublishedTimeText_Refused() =>
        Assert.Equal(
            "Trường hợp 1 (Trường hợp thông thường), cách thức trực tiếp: thời hạn giải quyết (nguyên văn) không được để trống.",
            Refusal(OneStop().WithDefaultCase([new ChannelTerm(Channel.InPerson, WorkingDays(3), " ")])).Message);

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(0, 0)]
    public void Create_BadDocumentCounts_Refused(int originals, int copies)
    {
        var content = OneStop() with
        {
            Cases = [new ProcedureCase("default", "Mặc định", [InPerson(3)], [new RequiredDocument("Tờ khai", null, originals, copies)])],
        };

        var error = Refusal(content);

        Assert.Equal("catalog.procedure.document-count", error.Code);
        Assert.Equal("Cases[0].Documents[0].Originals", error.Field);
    }

    [Fact]
    public void Create_MissingRequiredFields_RefusedOneByOne()
    {
        Assert.Equal("Số quyết định công bố không được để trống.", Refusal(OneStop() with { DecisionNumber = "" }).Message);
        Assert.Equal("Tên thủ tục không được để trống.", Refusal(OneStop() with { Name = " " }).Message);
        Assert.Equal("Chưa chọn lĩnh vực.", Refusal(OneStop() with { FieldId = 0 }).Message);
        Assert.Equal("Chưa chọn cấp thực hiện.", Refusal(OneStop() with { LevelIds = [] }).Message);
        Assert.Equal("Chưa chọn cơ quan thực hiện.", Refusal(OneStop() with { ImplementingAgencyId = 0 }).Message);
        Assert.Equal("Kết quả thực hiện không được để trống.", Refusal(OneStop() with { ResultName = "" }).Message);
        Assert.Equal("Tên thủ tục dài quá 1000 ký tự.", Refusal(OneStop() with { Name = new string('a', 1001) }).Message);
    }

    [Fact]
    public void Create_LegalBasisWithoutNumber_RefusedNamingRow() =>
        Assert.Equal(
            "Căn cứ pháp lý dòng 1: số hiệu văn bản không được để trống.",
            Refusal(OneStop() with { LegalBases = [new LegalBasis("", "Luật Lý lịch tư pháp", null, "Quốc hội")] }).Message);

    [Theory]
    [InlineData(null, null, "AlertOverride")]
    [InlineData(-1, null, "AlertOverride.RemainingWorkingMinutes")]
    [InlineData(-1, 50, "AlertOverride.RemainingWorkingMinutes")]
    [InlineData(null, 0, "AlertOverride.UsedPercent")]
    [InlineData(480, 101, "AlertOverride.UsedPercent")]
    public void Create_BadAlertOverride_RefusedNamingThePartAtFault(int? minutes, int? percent, string field) =>
        Assert.Equal(field, Refusal(OneStop() with { AlertOverride = new AlertThresholds(minutes, percent) }).Field);

    [Theory]
    [InlineData(null, null)]
    [InlineData(-1, 50)]
    [InlineData(null, 101)]
    public void AlertOverride_RefusedExactlyAsTheCentresThresholdsAre(int? minutes, int? percent)
    {
        var alerts = new AlertThresholds(minutes, percent);
        var centre = Assert.Throws<DomainException>(() => PublicService.Domain.Settings.CenterSettings.CreateDefault().ChangeAlerts(alerts)).Error;

        var procedure = Refusal(OneStop() with { AlertOverride = alerts });

        Assert.Equal((centre.Code, centre.Message), (procedure.Code, procedure.Message));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(null, 1)]
    [InlineData(null, 100)]
    [InlineData(2400, 90)]
    public void Create_AlertOverrideWithinTheCentresRules_Kept(int? minutes, int? percent) =>
        Assert.Equal(
            new AlertThresholds(minutes, percent),
            (OneStop() with { AlertOverride = new AlertThresholds(minutes, percent) }).Validate().AlertOverride);

    [Fact]
    public void Validate_TidiesTextAndDuplicateIds()
    {
        var content = (OneStop() with { Name = "  Cấp Phiếu lý lịch tư pháp ", LevelIds = [1, 1, 2], CooperatingAgencyIds = [3, 3] }).Validate();

        Assert.Equal("Cấp Phiếu lý lịch tư pháp", content.Name);
        Assert.Equal([1, 2], content.LevelIds);
        Assert.Equal([3], content.CooperatingAgencyIds);
    }

    [Fact]
    public void Create_SetsSearchAndDefaultTimeColumns()
    {
        var version = Procedure.Create("1.001612.000.00.00.h48", OneStop()).Versions[0];

        Assert.Equal("cap phieu ly lich tu phap cho cong dan viet nam 1.001612.000.00.00.h48", version.NameSearch);
        Assert.Equal(10, version.DefaultTimeAmount);
        Assert.Equal(TimeUnit.WorkingDays, version.DefaultTimeUnit);
    }

    [Fact]
    public void Create_DefaultCaseWithoutInPerson_UsesItsFirstChannelForListColumns()
    {
        var version = Procedure.Create("1.001193", OneStop().WithDefaultCase(
            [new ChannelTerm(Channel.Online, new ProcessingTime(8, TimeUnit.WorkingHours), "08 giờ làm việc")])).Versions[0];

        Assert.Equal((8, TimeUnit.WorkingHours), (version.DefaultTimeAmount, version.DefaultTimeUnit));
    }
}
