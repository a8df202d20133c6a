using PublicService.Domain;
using PublicService.Domain.Catalog;
using static PublicService.Tests.Domain.Catalog.ProcedureBuilder;

namespace PublicService.Tests.Domain.Catalog;

public class ProcedureVersioningTests
{
    private static readonly DateOnly _july2025 = new(2025, 7, 1);
    private static readonly DateOnly _january2026 = new(2026, 1, 1);
    private const string Abolished = "Bãi bỏ theo Quyết định số 9/QĐ-UBND";

    private static Procedure Published(DateOnly effectiveFrom)
    {
        var procedure = Procedure.Create("1.001193", OneStop());
        procedure.Publish(effectiveFrom);
        return procedure;
    }

    [Fact]
    public void Publish_Draft_SetsStatusAndEffectiveDate()
    {
        var procedure = Published(_july2025);

        var version = procedure.Versions[0];
        Assert.Equal(VersionStatus.Published, version.Status);
        Assert.Equal(_july2025, version.EffectiveFrom);
        Assert.True(version.IsReadOnly);
        Assert.Null(procedure.Draft);
        Assert.Same(version, procedure.LatestPublished);
    }

    [Fact]
    public void Publish_NoDraft_Refused() =>
        Assert.Equal(
            "catalog.procedure.no-draft",
            Assert.Throws<DomainException>(() => Published(_july2025).Publish(_january2026)).Error.Code);

    [Fact]
    public void Publish_NotAfterCurrentEffectiveDate_Refused()
    {
        var procedure = Published(_july2025);
        procedure.CreateDraftFromLatest();

        var error = Assert.Throws<DomainException>(() => procedure.Publish(_july2025)).Error;

        Assert.Equal("Ngày hiệu lực (01/07/2025) phải sau ngày hiệu lực của phiên bản 1 (01/07/2025).", error.Message);
        Assert.Equal(VersionStatus.Draft, procedure.Versions[1].Status);
    }

    [Fact]
    public void CreateDraftFromLatest_CopiesContentAsNextNumber()
    {
        var procedure = Published(_july2025);

        var draft = procedure.CreateDraftFromLatest();

        Assert.Equal(2, draft.Number);
        Assert.Equal(VersionStatus.Draft, draft.Status);
        Assert.Null(draft.EffectiveFrom);
        Assert.Equal(procedure.Versions[0].Name, draft.Name);
        Assert.Equal(procedure.Versions[0].Cases.Select(c => c.Code), draft.Cases.Select(c => c.Code));
        Assert.Same(draft, procedure.Draft);
    }

    [Fact]
    public void CreateDraftFromLatest_DraftExists_Refused()
    {
        var procedure = Procedure.Create("1.001193", OneStop());

        var error = Assert.Throws<DomainException>(procedure.CreateDraftFromLatest).Error;

        Assert.Equal("catalog.procedure.draft-exists", error.Code);
        Assert.Single(procedure.Versions);
    }

    [Fact]
    public void UpdateDraft_ChangesDraftOnlyAndBumpsRowVersion()
    {
        var procedure = Published(_july2025);
        var draft = procedure.CreateDraftFromLatest();
        var rowVersion = procedure.RowVersion;

        procedure.UpdateDraft(draft.ToContent() with { Name = "Cấp Phiếu lý lịch tư pháp số 1", DecisionNumber = "99/QĐ-UBND" });

        Assert.Equal("Cấp Phiếu lý lịch tư pháp số 1", draft.Name);
        Assert.Equal("99/QĐ-UBND", draft.DecisionNumber);
        Assert.Equal("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", procedure.Versions[0].Name);
        Assert.Equal(rowVersion + 1, procedure.RowVersion);
    }

    [Fact]
    public void UpdateVersion_Published_RefusedAsReadOnly()
    {
        var procedure = Published(_july2025);
        var rowVersion = procedure.RowVersion;

        var error = Assert.Throws<DomainException>(
            () => procedure.UpdateVersion(1, OneStop() with { Name = "Tên mới" })).Error;

        Assert.Equal("catalog.procedure.version-read-only", error.Code);
        Assert.Equal("Phiên bản 1 đã công bố nên chỉ được xem; hãy tạo bản nháp mới để sửa.", error.Message);
        Assert.Equal("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", procedure.Versions[0].Name);
        Assert.Equal(rowVersion, procedure.RowVersion);
    }

    [Fact]
    public void UpdateVersion_Retired_RefusedAsReadOnly()
    {
        var procedure = Published(_july2025);
        procedure.Retire(1, _january2026, Abolished, _january2026);

        Assert.Equal(
            "Phiên bản 1 đã bãi bỏ nên chỉ được xem.",
            Assert.Throws<DomainException>(() => procedure.UpdateVersion(1, OneStop())).Error.Message);
    }

    [Fact]
    public void UpdateDraft_InvalidContent_LeavesDraftUnchanged()
    {
        var procedure = Procedure.Create("1.001193", OneStop());

        Assert.Throws<DomainException>(() => procedure.UpdateDraft(OneStop() with { Name = "Khác", Cases = [] }));

        Assert.Equal("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", procedure.Draft!.Name);
        Assert.Equal(0, procedure.RowVersion);
    }

    [Fact]
    public void UpdateDraft_NoDraft_Refused() =>
        Assert.Equal(
            "catalog.procedure.no-draft",
            Assert.Throws<DomainException>(() => Published(_july2025).UpdateDraft(OneStop())).Error.Code);

    [Fact]
    public void Retire_Published_MakesItUnavailableForNewDossiers()
    {
        var procedure = Published(_july2025);

        procedure.Retire(1, _january2026, Abolished, new DateOnly(2025, 12, 1));

        Assert.Equal(VersionStatus.Retired, procedure.Versions[0].Status);
        Assert.Equal(_january2026, procedure.Versions[0].RetiredFrom);
        Assert.Equal(Abolished, procedure.Versions[0].RetirementReason);
        Assert.Equal(1, procedure.PublishedVersionOn(new DateOnly(2025, 12, 31))!.Number);
        Assert.Null(procedure.PublishedVersionOn(_january2026));
    }

    [Fact]
    public void Retire_Draft_Refused() =>
        Assert.Equal(
            "catalog.procedure.retire-unpublished",
            Assert.Throws<DomainException>(() => Procedure.Create("1.001193", OneStop()).Retire(1, _january2026, Abolished, _january2026)).Error.Code);

    [Fact]
    public void Retire_UnknownVersion_Refused() =>
        Assert.Equal(
            "Thủ tục 1.001193 không có phiên bản 7.",
            Assert.Throws<DomainException>(() => Published(_july2025).Retire(7, _january2026, Abolished, _january2026)).Error.Message);

    [Fact]
    public void DiscardDraft_RemovesDraftButNeverTheOnlyVersion()
    {
        var procedure = Published(_july2025);
        procedure.CreateDraftFromLatest();

        procedure.DiscardDraft();

        Assert.Single(procedure.Versions);
        Assert.Equal(
            "catalog.procedure.discard-only-version",
            Assert.Throws<DomainException>(() => Procedure.Create("1.001193", OneStop()).DiscardDraft()).Error.Code);
    }

    [Fact]
    public void PublishedVersionOn_PicksLatestEffectiveOnOrBeforeDay()
    {
        var procedure = Published(_july2025);
        var draft = procedure.CreateDraftFromLatest();
        procedure.UpdateDraft(draft.ToContent() with { DecisionNumber = "2/QĐ-UBND" });
        procedure.Publish(_january2026);
        procedure.CreateDraftFromLatest();

        Assert.Null(procedure.PublishedVersionOn(new DateOnly(2025, 6, 30)));
        Assert.Equal(1, procedure.PublishedVersionOn(_july2025)!.Number);
        Assert.Equal(1, procedure.PublishedVersionOn(new DateOnly(2025, 12, 31))!.Number);
        Assert.Equal(2, procedure.PublishedVersionOn(_january2026)!.Number);
        Assert.Equal(2, procedure.PublishedVersionOn(new DateOnly(2027, 1, 1))!.Number);
    }

    [Fact]
    public void Changes_EachBumpRowVersion()
    {
        var procedure = Procedure.Create("1.001193", OneStop());

        procedure.Publish(_july2025);
        procedure.CreateDraftFromLatest();
        procedure.DiscardDraft();
        procedure.Retire(1, _january2026, Abolished, _january2026);

        Assert.Equal(4, procedure.RowVersion);
    }
}
