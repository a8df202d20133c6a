using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using PublicService.Console.Components.Pages.Catalog;
using PublicService.Domain.Catalog;

namespace PublicService.Tests.Components.Pages.Catalog;

public sealed class ProcedureEditorTests : CatalogPagesTestBase
{
    /// <summary>Chấp thuận chủ trương đầu tư: interconnected, 35 working days split 3 + 10 + 12 + 10.</summary>
    private const string InvestmentCode = "1.009742";

    /// <summary>Chứng thực bản sao từ bản chính (one-stop, same day).</summary>
    private const string CertificationCode = "2.000815";

    private IRenderedComponent<ProcedureEditor> Open(string code)
    {
        var editor = Render<ProcedureEditor>(p => p.Add(e => e.Id, ProcedureId(code)));
        editor.WaitForAssertion(() => editor.Find("[data-testid='title']"));
        return editor;
    }

    private static IRenderedComponent<ProcedureEditor> CreateDraft(IRenderedComponent<ProcedureEditor> editor)
    {
        ButtonOf(editor.Find("[data-testid='create-draft']")).Click();
        editor.WaitForAssertion(() => Assert.Equal("Phiên bản 2", editor.Find("[data-testid='version']").TextContent.Trim()));
        return editor;
    }

    private static void Save(IRenderedComponent<ProcedureEditor> editor) => ButtonOf(editor.Find("[data-testid='save']")).Click();

    /// <summary>The field's whole control (input, label, helper or error text).</summary>
    private static IElement ControlOf(IElement input) => input.Closest(".mud-input-control") ?? input.ParentElement!;

    private async Task<Procedure> StoredAsync(string code)
    {
        await using var db = Database.Open();
        var id = ProcedureId(code);
        return await db.Procedures.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    [Fact]
    public void Render_PublishedVersion_ShowsEveryPartReadOnly()
    {
        var editor = Open(InvestmentCode);

        Assert.Equal("Đã công bố", editor.Find("[data-testid='status']").TextContent.Trim());
        Assert.True(InputOf(editor.Find("[data-testid='name']")).HasAttribute("readonly"));
        Assert.True(InputOf(editor.Find("[data-testid='decision']")).HasAttribute("readonly"));
        Assert.Contains("Ý kiến về quy hoạch xây dựng", editor.Find("[data-testid='steps-0']").TextContent);
        Assert.Contains("Sở Xây dựng", editor.Find("[data-testid='steps-0']").TextContent);
        Assert.Contains("Đề xuất dự án đầu tư", editor.Find("[data-testid='documents-0']").TextContent);
        Assert.Contains("35 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.", editor.Markup);
        Assert.Contains("khớp thời hạn", editor.Find("[data-testid='share-check-0']").TextContent);
        Assert.Single(editor.FindAll("[data-testid='history'] tbody tr"));
        Assert.Empty(editor.FindAll("[data-testid='save']"));
        Assert.NotNull(editor.Find("[data-testid='create-draft']"));
    }

    [Fact]
    public async Task CreateDraft_Click_StoresAndShowsAnEditableVersionTwo()
    {
        var editor = CreateDraft(Open(CertificationCode));

        Assert.Equal("Bản nháp", editor.Find("[data-testid='status']").TextContent.Trim());
        Assert.False(InputOf(editor.Find("[data-testid='name']")).HasAttribute("readonly"));
        Assert.Equal(2, editor.FindAll("[data-testid='history'] tbody tr").Count);
        Assert.Equal(2, (await StoredAsync(CertificationCode)).Draft!.Number);
    }

    [Fact]
    public async Task Save_EmptyName_ShowsTheDomainMessageBesideTheNameAndSavesNothing()
    {
        var editor = CreateDraft(Open(CertificationCode));
        var before = (await StoredAsync(CertificationCode)).Draft!.Name;

        InputOf(editor.Find("[data-testid='name']")).Change("   ");
        Save(editor);

        editor.WaitForAssertion(() =>
            Assert.Contains("Tên thủ tục không được để trống.", ControlOf(InputOf(editor.Find("[data-testid='name']"))).TextContent));
        Assert.Contains("Chưa lưu", editor.Find("[data-testid='error']").TextContent);
        Assert.Equal(before, (await StoredAsync(CertificationCode)).Draft!.Name);
    }

    [Fact]
    public async Task Save_ValidChanges_StoresThemWithTheSupplementMode()
    {
        var editor = CreateDraft(Open(CertificationCode));

        InputOf(editor.Find("[data-testid='decision']")).Change("77/QĐ-UBND");
        editor.FindAll("[data-testid='supplement-mode'] input[type='radio']")[1].Click();
        Save(editor);

        editor.WaitForAssertion(() => Assert.Empty(editor.FindAll("[data-testid='error']")));
        var draft = (await StoredAsync(CertificationCode)).Draft!;
        Assert.Equal("77/QĐ-UBND", draft.DecisionNumber);
        Assert.Equal(SupplementClockMode.Restart, draft.SupplementMode);
    }

    [Fact]
    public void StepShare_Changed_LiveCheckSaysHowMuchIsMissing()
    {
        var editor = CreateDraft(Open(InvestmentCode));

        InputOf(editor.Find("[data-testid='share-0-0']")).Input("1");

        editor.WaitForAssertion(() =>
            Assert.Contains("còn thiếu 2", editor.Find("[data-testid='share-check-0']").TextContent));
    }

    [Fact]
    public async Task Save_SharesNotAddingUp_ShowsTheDomainRefusalBesideTheSteps()
    {
        var editor = CreateDraft(Open(InvestmentCode));

        InputOf(editor.Find("[data-testid='share-0-1']")).Input("20");
        Save(editor);

        editor.WaitForAssertion(() => Assert.Contains(
            "tổng thời gian các bước (45 ngày làm việc) khác thời hạn giải quyết (35 ngày làm việc)",
            editor.Find("[data-testid='share-check-0']").TextContent));
        Assert.Equal(10, (await StoredAsync(InvestmentCode)).Draft!.DefaultCase.Steps[1].Share.Amount);
    }

    [Fact]
    public async Task Save_SomeoneElseSavedMeanwhile_RefusedWithAClearMessageNotOverwritten()
    {
        var editor = CreateDraft(Open(CertificationCode));
        var other = new ProcedureEditing(Database.Factory, Clock);
        var theirs = (await other.FindAsync(ProcedureId(CertificationCode)))!;
        await other.SaveDraftAsync(theirs.Id, theirs.RowVersion, theirs.Draft!.ToContent() with { DecisionNumber = "Của người khác" });

        InputOf(editor.Find("[data-testid='decision']")).Change("Của tôi");
        Save(editor);

        editor.WaitForAssertion(() => Assert.Contains("vừa được người khác thay đổi", editor.Find("[data-testid='stale']").TextContent));
        Assert.Equal("Của người khác", (await StoredAsync(CertificationCode)).Draft!.DecisionNumber);

        ButtonOf(editor.Find("[data-testid='reload']")).Click();
        editor.WaitForAssertion(() => Assert.Equal("Của người khác", InputOf(editor.Find("[data-testid='decision']")).GetAttribute("value")));
        Assert.Empty(editor.FindAll("[data-testid='stale']"));
    }

    [Fact]
    public void Diff_DraftEdited_ComparesTheUnsavedDraftWithTheVersionBefore()
    {
        var editor = CreateDraft(Open(CertificationCode));
        Assert.NotNull(editor.Find("[data-testid='diff-none']"));

        InputOf(editor.Find("[data-testid='decision']")).Change("88/QĐ-UBND");

        editor.WaitForAssertion(() =>
        {
            var row = Assert.Single(editor.FindAll("[data-testid='diff'] tbody tr"));
            Assert.Contains("Số quyết định công bố", row.TextContent);
            Assert.Contains("1250/QĐ-UBND", row.TextContent);
            Assert.Contains("88/QĐ-UBND", row.TextContent);
        });
    }

    [Fact]
    public void Render_UnknownId_SaysSo()
    {
        var editor = Render<ProcedureEditor>(p => p.Add(e => e.Id, 9999));

        editor.WaitForAssertion(() => Assert.Contains("9999", editor.Find("[data-testid='not-found']").TextContent));
    }
}
