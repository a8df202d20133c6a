using PublicService.Domain;
using PublicService.Domain.Catalog;
using static PublicService.Tests.Domain.Catalog.ProcedureBuilder;

namespace PublicService.Tests.Domain.Catalog;

/// <summary>Retiring (bãi bỏ) from a date: who may be retired, when, and which version a day is then handled under.</summary>
public class ProcedureRetirementTests
{
    private static readonly DateOnly _july2025 = new(2025, 7, 1);
    private static readonly DateOnly _january2026 = new(2026, 1, 1);
    private static readonly DateOnly _march2026 = new(2026, 3, 1);
    private const string Reason = "Bãi bỏ theo Quyết định số 77/QĐ-UBND";

    /// <summary>Version 1 from July 2025, version 2 from January 2026.</summary>
    private static Procedure TwoVersions()
    {
        var procedure = Procedure.Create("1.001193", OneStop());
        procedure.Publish(_july2025);
        var draft = procedure.CreateDraftFromLatest();
        procedure.UpdateDraft(draft.ToContent() with { DecisionNumber = "2/QĐ-UBND" });
        procedure.Publish(_january2026);
        return procedure;
    }

    private static DomainError Refusal(Action retire) => Assert.Throws<DomainException>(retire).Error;

    [Fact]
    public void Retire_Latest_NoVersionInForceFromThatDay_NotEvenTheOneItSuperseded()
    {
        var procedure = TwoVersions();

        var retired = procedure.Retire(2, _march2026, $"  {Reason} ", today: _january2026);

        Assert.Equal(VersionStatus.Retired, retired.Status);
        Assert.Equal(Reason, retired.RetirementReason);
        Assert.Equal(2, procedure.PublishedVersionOn(new DateOnly(2026, 2, 28))!.Number);
        Assert.Null(procedure.PublishedVersionOn(_march2026));
        Assert.Null(procedure.PublishedVersionOn(new DateOnly(2030, 1, 1)));
        Assert.Equal(1, procedure.PublishedVersionOn(new DateOnly(2025, 12, 31))!.Number);
    }

    [Fact]
    public void Retire_Superseded_RefusedPointingToTheLatest()
    {
        var error = Refusal(() => TwoVersions().Retire(1, _march2026, Reason, _january2026));

        Assert.Equal("catalog.procedure.retire-superseded", error.Code);
        Assert.Contains("hãy bãi bỏ phiên bản 2", error.Message);
    }

    [Fact]
    public void Retire_AlreadyRetired_RefusedSayingSince()
    {
        var procedure = TwoVersions();
        procedure.Retire(2, _march2026, Reason, _january2026);

        var error = Refusal(() => procedure.Retire(2, new DateOnly(2026, 4, 1), Reason, _january2026));

        Assert.Equal("catalog.procedure.retire-unpublished", error.Code);
        Assert.Equal("Phiên bản 2 đã bãi bỏ từ ngày 01/03/2026.", error.Message);
    }

    [Fact]
    public void Retire_Draft_RefusedAndNothingChanges()
    {
        var procedure = TwoVersions();
        procedure.CreateDraftFromLatest();
        var rowVersion = procedure.RowVersion;

        var error = Refusal(() => procedure.Retire(3, _march2026, Reason, _january2026));

        Assert.Equal("catalog.procedure.retire-unpublished", error.Code);
        Assert.Contains("bản nháp", error.Message);
        Assert.Equal(rowVersion, procedure.RowVersion);
        Assert.Equal(VersionStatus.Published, procedure.Versions[1].Status);
    }

    [Fact]
    public void Retire_BeforeToday_RefusedNamingTheDate()
    {
        var error = Refusal(() => TwoVersions().Retire(2, _january2026, Reason, today: new DateOnly(2026, 2, 1)));

        Assert.Equal("catalog.procedure.retire-past", error.Code);
        Assert.Equal(nameof(ProcedureVersion.RetiredFrom), error.Field);
    }

    [Fact]
    public void Retire_BeforeTheVersionTookEffect_Refused()
    {
        var error = Refusal(() => TwoVersions().Retire(2, new DateOnly(2025, 12, 1), Reason, today: new DateOnly(2025, 11, 1)));

        Assert.Equal("catalog.procedure.retire-before-effective", error.Code);
        Assert.Equal(nameof(ProcedureVersion.RetiredFrom), error.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Retire_WithoutReason_RefusedNamingTheReason(string reason)
    {
        var procedure = TwoVersions();

        var error = Refusal(() => procedure.Retire(2, _march2026, reason, _january2026));

        Assert.Equal(nameof(ProcedureVersion.RetirementReason), error.Field);
        Assert.Equal(VersionStatus.Published, procedure.Versions[1].Status);
    }

    [Fact]
    public void Publish_AfterRetirement_BringsTheProcedureBackOnlyFromItsDate()
    {
        var procedure = TwoVersions();
        procedure.Retire(2, _march2026, Reason, _january2026);
        procedure.CreateDraftFromLatest();

        Assert.Equal("catalog.procedure.effective-date", Refusal(() => procedure.Publish(new DateOnly(2025, 12, 1))).Code);
        procedure.Publish(new DateOnly(2026, 6, 1));

        Assert.Null(procedure.PublishedVersionOn(new DateOnly(2026, 5, 31)));
        Assert.Equal(3, procedure.PublishedVersionOn(new DateOnly(2026, 6, 1))!.Number);
    }
}
