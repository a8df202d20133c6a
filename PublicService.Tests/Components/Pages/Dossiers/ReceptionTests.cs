using Bunit;
using PublicService.Console.Components.Pages.Dossiers;
using PublicService.Domain.Catalog;
using PublicService.Domain.Settings;

namespace PublicService.Tests.Components.Pages.Dossiers;

public sealed class ReceptionTests : DossierPagesTestBase
{
    private static async Task<IEnumerable<ProcedureRow>> Search(MudBlazor.MudAutocomplete<ProcedureRow> autocomplete, string text)
    {
        var search = autocomplete.SearchFunc ?? throw new InvalidOperationException("The procedure picker has no search.");
        var found = await (search(text, CancellationToken.None) ?? Task.FromResult<IEnumerable<ProcedureRow>>([]));
        return found ?? [];
    }

    private async Task<IRenderedComponent<Reception>> RenderWithProcedureAsync(string text)
    {
        var page = Render<Reception>();
        var autocomplete = page.FindComponent<MudBlazor.MudAutocomplete<ProcedureRow>>();
        var rows = await Search(autocomplete.Instance, text);
        var row = Assert.Single(rows.Take(1));
        await page.InvokeAsync(() => autocomplete.Instance.ValueChanged.InvokeAsync(row));
        return page;
    }

    [Fact]
    public async Task Search_WithoutDiacritics_FindsTheProcedure()
    {
        var page = Render<Reception>();
        var autocomplete = page.FindComponent<MudBlazor.MudAutocomplete<ProcedureRow>>();

        var rows = (await Search(autocomplete.Instance, "trich luc ho tich")).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("trich luc ho tich", PublicService.Domain.VietnameseText.Fold(r.Name)));
    }

    [Fact]
    public async Task SelectProcedure_ShowsTheDueDateAndWhyBeforeSaving()
    {
        var page = await RenderWithProcedureAsync("trich luc ho tich");

        page.WaitForAssertion(() => Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$", page.Find("[data-testid='due-date']").TextContent.Trim()));
        Assert.NotEmpty(page.FindAll("[data-testid='documents'] tbody tr"));
        // The explanation sits in a collapsed panel; opening it lists the lines of DueDate.ExplanationText.
        page.Find("[data-testid='why'] .mud-expand-panel-header").Click();
        var lines = page.FindAll("[data-testid='explanation'] li");
        Assert.NotEmpty(lines);
        Assert.Contains(lines, li => li.TextContent.Contains("11/02/2026"));
    }

    [Fact]
    public async Task Receive_EmptyName_ShowsTheDomainMessageNextToTheField()
    {
        var page = await RenderWithProcedureAsync("trich luc ho tich");

        page.Find("[data-testid='receive']").Click();

        page.WaitForAssertion(() => Assert.Contains("Họ tên người nộp không được để trống.", page.Markup));
        Assert.Empty(page.FindAll("[data-testid='received']"));
    }

    [Fact]
    public async Task Receive_Valid_IssuesTheCodeAndLinksToTheReceipt()
    {
        var page = await RenderWithProcedureAsync("trich luc ho tich");
        page.Find("input[data-testid='applicant-name'], [data-testid='applicant-name'] input").Change("Trần Văn Bình");
        page.Find("input[data-testid='applicant-id'], [data-testid='applicant-id'] input").Change("001234567890");

        page.Find("[data-testid='receive']").Click();

        page.WaitForAssertion(() => Assert.Matches(@"Đã tiếp nhận hồ sơ 000\.00\.15\.H48-260211-0001", page.Find("[data-testid='received']").TextContent));
        Assert.Matches(@"^ho-so/\d+/bien-nhan$", page.Find("[data-testid='receipt-link']").GetAttribute("href"));
    }

    [Fact]
    public async Task Incomplete_PrintsTheGuidanceNoteListingTheMissingDocumentsAndSavesNothing()
    {
        var page = await RenderWithProcedureAsync("trich luc ho tich");

        page.Find("[data-testid='incomplete']").Click();

        var note = page.WaitForElement("[data-testid='guidance-note']");
        // Incomplete at the counter is the supplement/completion request of the one-stop forms.
        Assert.Equal("Mẫu số 02", note.QuerySelector("[data-testid='form-number']")!.TextContent);
        Assert.Contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", note.TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid='missing-documents'] li"));
        await using var db = Database.Open();
        Assert.Empty(db.Dossiers);
    }

    [Fact]
    public async Task Refuse_WithoutReason_AsksForOne()
    {
        var page = await RenderWithProcedureAsync("trich luc ho tich");

        page.Find("[data-testid='refuse']").Click();

        Assert.Contains("Phải ghi lý do từ chối tiếp nhận.", page.Markup);
        Assert.Empty(page.FindAll("[data-testid='refusal-note']"));
    }

    [Fact]
    public async Task Refuse_WithReason_PrintsTheRefusalUnderTheConfiguredHeader()
    {
        await ConfigureFormsAsync(FormSettings.Default with
        {
            Authority = "UBND TỈNH KON TUM",
            Forms = [.. FormSettings.DefaultForms.Select(f => f.Kind == FormKind.Refusal ? f with { Number = "03a", Title = "PHIẾU TỪ CHỐI" } : f)],
        });
        var page = await RenderWithProcedureAsync("trich luc ho tich");

        page.Find("textarea[data-testid='note-text'], [data-testid='note-text'] textarea").Change("Thủ tục không thuộc thẩm quyền");
        page.Find("[data-testid='refuse']").Click();

        var note = page.WaitForElement("[data-testid='refusal-note']");
        Assert.Equal("Mẫu số 03a", note.QuerySelector("[data-testid='form-number']")!.TextContent);
        Assert.Equal("PHIẾU TỪ CHỐI", note.QuerySelector("[data-testid='form-title']")!.TextContent);
        Assert.Equal("UBND TỈNH KON TUM", note.QuerySelector("[data-testid='form-authority']")!.TextContent);
        Assert.Equal("Thủ tục không thuộc thẩm quyền", note.QuerySelector("[data-testid='refusal-reason']")!.TextContent);
    }
}
