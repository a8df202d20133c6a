using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PublicService.Console.Components.Pages.Catalog;
using PublicService.Domain.Catalog;
using PublicService.Domain.Monitoring;

namespace PublicService.Tests.Components.Pages.Catalog;

/// <summary>Creating a procedure from the list, its own alert thresholds in the editor, and retiring it.</summary>
public sealed class CatalogLifecycleTests : CatalogPagesTestBase
{
    /// <summary>Chứng thực bản sao từ bản chính (one-stop, same day).</summary>
    private const string CertificationCode = "2.000815";

    private static IElement ControlOf(IElement input) => input.Closest(".mud-input-control") ?? input.ParentElement!;

    private async Task<Procedure> StoredAsync(string code)
    {
        await using var db = Database.Open();
        var id = ProcedureId(code);
        return await db.Procedures.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<ProcedureList> List) OpenCreateDialog()
    {
        var dialogs = Render<MudDialogProvider>();
        var list = Render<ProcedureList>();
        ButtonOf(list.Find("[data-testid='create-procedure']")).Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid='new-code']"));
        return (dialogs, list);
    }

    private IRenderedComponent<ProcedureEditor> OpenDraftOf(string code)
    {
        var editor = Render<ProcedureEditor>(p => p.Add(e => e.Id, ProcedureId(code)));
        editor.WaitForAssertion(() => editor.Find("[data-testid='title']"));
        ButtonOf(editor.Find("[data-testid='create-draft']")).Click();
        editor.WaitForAssertion(() => Assert.Equal("Phiên bản 2", editor.Find("[data-testid='version']").TextContent.Trim()));
        return editor;
    }

    [Fact]
    public void List_ShowsTheAddButton()
    {
        var list = Render<ProcedureList>();

        Assert.Equal("Thêm thủ tục", list.Find("[data-testid='create-procedure']").TextContent.Trim());
    }

    [Fact]
    public async Task CreateDialog_CodeAlreadyInTheCatalog_ShowsTheRefusalBesideTheCodeAndCreatesNothing()
    {
        var (dialogs, _) = OpenCreateDialog();

        var taken = Demo.Procedures.Single(p => p.Id == ProcedureId(CertificationCode)).Code;
        InputOf(dialogs.Find("[data-testid='new-code']")).Change(taken);
        ButtonOf(dialogs.Find("[data-testid='new-create']")).Click();

        dialogs.WaitForAssertion(() => Assert.Contains(
            "đã có trong danh mục", ControlOf(InputOf(dialogs.Find("[data-testid='new-code']"))).TextContent));
        Assert.Empty(dialogs.FindAll("[data-testid='new-error']"));
        await using var db = Database.Open();
        Assert.Equal(20, await db.Procedures.CountAsync());
    }

    [Fact]
    public void CreateDialog_EmptyName_ShowsTheDomainMessageBesideTheName()
    {
        var (dialogs, _) = OpenCreateDialog();

        InputOf(dialogs.Find("[data-testid='new-code']")).Change("1.009999");
        InputOf(dialogs.Find("[data-testid='new-decision']")).Change("15/QĐ-UBND");
        ButtonOf(dialogs.Find("[data-testid='new-create']")).Click();

        dialogs.WaitForAssertion(() => Assert.Contains(
            "Tên thủ tục không được để trống", ControlOf(InputOf(dialogs.Find("[data-testid='new-name']"))).TextContent));
        Assert.DoesNotContain("không được để trống", ControlOf(InputOf(dialogs.Find("[data-testid='new-code']"))).TextContent);
    }

    [Fact]
    public void OverrideEditor_PublishedVersion_SaysItFollowsTheCentreReadOnly()
    {
        var editor = Render<ProcedureEditor>(p => p.Add(e => e.Id, ProcedureId(CertificationCode)));
        editor.WaitForAssertion(() => editor.Find("[data-testid='title']"));

        Assert.Equal(
            "Theo ngưỡng chung của Trung tâm: còn ≤ 1 ngày làm việc hoặc đã dùng ≥ 75 % thời gian.",
            editor.Find("[data-testid='alert-summary']").TextContent.Trim());
        Assert.Empty(editor.FindAll("[data-testid='alert-choice']"));
    }

    [Fact]
    public async Task OverrideEditor_PercentOutOfRange_RefusedBesideThePercentThenOwnValuesSaved()
    {
        var editor = OpenDraftOf(CertificationCode);

        editor.FindAll("[data-testid='alert-choice'] input[type='radio']")[1].Click();
        editor.WaitForAssertion(() => editor.Find("[data-testid='alert-percent']"));
        InputOf(editor.Find("[data-testid='alert-percent']")).Change("150");
        ButtonOf(editor.Find("[data-testid='save']")).Click();

        editor.WaitForAssertion(() => Assert.Contains(
            "từ 1 đến 100", ControlOf(InputOf(editor.Find("[data-testid='alert-percent']"))).TextContent));
        Assert.Null((await StoredAsync(CertificationCode)).Draft!.AlertOverride);

        InputOf(editor.Find("[data-testid='alert-days']")).Change("0");
        InputOf(editor.Find("[data-testid='alert-hours']")).Change("4");
        InputOf(editor.Find("[data-testid='alert-percent']")).Change("80");
        ButtonOf(editor.Find("[data-testid='save']")).Click();

        editor.WaitForAssertion(() => Assert.Empty(editor.FindAll("[data-testid='error']")));
        Assert.Equal(new AlertThresholds(240, 80), (await StoredAsync(CertificationCode)).Draft!.AlertOverride);
    }

    [Fact]
    public async Task OverrideEditor_BothSwitchedOff_RefusedSayingOneIsNeeded()
    {
        var editor = OpenDraftOf(CertificationCode);

        editor.FindAll("[data-testid='alert-choice'] input[type='radio']")[1].Click();
        editor.WaitForAssertion(() => editor.Find("[data-testid='alert-use-remaining']"));
        InputOf(editor.Find("[data-testid='alert-use-remaining']")).Change(false);
        InputOf(editor.Find("[data-testid='alert-use-percent']")).Change(false);
        ButtonOf(editor.Find("[data-testid='save']")).Click();

        editor.WaitForAssertion(() => Assert.Contains("Cần ít nhất một ngưỡng cảnh báo", editor.Find("[data-testid='alert-error']").TextContent));
        Assert.Null((await StoredAsync(CertificationCode)).Draft!.AlertOverride);
    }

    [Fact]
    public async Task Retire_ConfirmedWithReason_ShowsTheRetiredBannerAndStoresIt()
    {
        var dialogs = Render<MudDialogProvider>();
        var editor = Render<ProcedureEditor>(p => p.Add(e => e.Id, ProcedureId(CertificationCode)));
        editor.WaitForAssertion(() => editor.Find("[data-testid='title']"));

        ButtonOf(editor.Find("[data-testid='retire']")).Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid='retire-reason']"));
        ButtonOf(dialogs.Find("[data-testid='retire-confirm']")).Click();
        dialogs.WaitForAssertion(() => Assert.Contains(
            "Lý do bãi bỏ không được để trống", ControlOf(InputOf(dialogs.Find("[data-testid='retire-reason']"))).TextContent));

        InputOf(dialogs.Find("[data-testid='retire-reason']")).Change("Bãi bỏ theo Quyết định số 77/QĐ-UBND");
        ButtonOf(dialogs.Find("[data-testid='retire-confirm']")).Click();

        editor.WaitForAssertion(() => Assert.Contains("77/QĐ-UBND", editor.Find("[data-testid='retired']").TextContent));
        Assert.Equal("Đã bãi bỏ", editor.Find("[data-testid='status']").TextContent.Trim());
        Assert.Empty(editor.FindAll("[data-testid='retire']"));
        var version = Assert.Single((await StoredAsync(CertificationCode)).Versions);
        Assert.Equal(VersionStatus.Retired, version.Status);
        Assert.Equal(new DateOnly(2026, 2, 11), version.RetiredFrom);
    }
}
