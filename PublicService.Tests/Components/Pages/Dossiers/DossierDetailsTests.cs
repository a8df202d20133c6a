using Bunit;
using Microsoft.EntityFrameworkCore;
using PublicService.Console.Components.Pages.Dossiers;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Staff;

namespace PublicService.Tests.Components.Pages.Dossiers;

/// <summary>The dossier page offers exactly the actions the status allows and the role gives, inside the person's agencies.</summary>
public sealed class DossierDetailsTests : DossierPagesTestBase
{
    private const string Justice = "000.00.15.H48";
    private const string Police = "000.00.53.H48";

    private IRenderedComponent<DossierDetails> RenderPage(long id) =>
        Render<DossierDetails>(parameters => parameters.Add(p => p.Id, id));

    private static List<string> Actions(IRenderedComponent<DossierDetails> page) =>
        [.. page.FindAll("[data-testid^='action-']").Select(b => b.GetAttribute("data-testid")!["action-".Length..])];

    private async Task<Dossier> InProcessAsync()
    {
        var dossier = await ReceiveOneStopAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));
        return await Workflow.StartProcessingAsync(dossier.Id, dossier.RowVersion, "tiepnhan@h48.demo", null);
    }

    [Fact]
    public async Task Received_ReceptionOfficer_SeesStartWithdraw()
    {
        var dossier = await ReceiveOneStopAsync();
        SignInAs(StaffRoles.ReceptionOfficer);

        var page = RenderPage(dossier.Id);

        page.WaitForAssertion(() => Assert.Equal(["StartProcessing", "Withdraw"], Actions(page)));
        Assert.Contains("Đã tiếp nhận", page.Find("[data-testid='status']").TextContent);
    }

    [Fact]
    public async Task Received_Administrator_SeesEverythingTheStatusAllowsIncludingCancel()
    {
        var dossier = await ReceiveOneStopAsync();

        var page = RenderPage(dossier.Id);

        page.WaitForAssertion(() => Assert.Equal(["StartProcessing", "Withdraw", "IssueApology", "Cancel"], Actions(page)));
    }

    [Fact]
    public async Task InProcess_ProcessingOfficerOfTheAgency_SeesTheProcessingActions()
    {
        var dossier = await InProcessAsync();
        SignInAs(StaffRoles.ProcessingOfficer, AgencyId(Justice));

        var page = RenderPage(dossier.Id);

        page.WaitForAssertion(() => Assert.Equal(["RequestSupplement", "AwaitPayment", "RecordResult", "Stop", "IssueApology"], Actions(page)));
    }

    [Fact]
    public async Task InProcess_ReceptionOfficer_SeesOnlyWithdraw()
    {
        var dossier = await InProcessAsync();
        SignInAs(StaffRoles.ReceptionOfficer);

        var page = RenderPage(dossier.Id);

        page.WaitForAssertion(() => Assert.Equal(["Withdraw"], Actions(page)));
    }

    [Fact]
    public async Task ResultReady_ReceptionOfficer_SeesReturnResult()
    {
        var dossier = await InProcessAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Workflow.RecordResultAsync(dossier.Id, dossier.RowVersion, "xuly", null);
        SignInAs(StaffRoles.ReceptionOfficer);

        var page = RenderPage(dossier.Id);

        page.WaitForAssertion(() => Assert.Equal(["ReturnResult"], Actions(page)));
    }

    [Fact]
    public async Task Supervisor_SeesTheDossierButNoAction()
    {
        var dossier = await InProcessAsync();
        SignInAs(StaffRoles.Supervisor, AgencyId(Justice));

        var page = RenderPage(dossier.Id);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='timeline'] tbody tr")));
        Assert.Empty(Actions(page));
    }

    [Fact]
    public async Task ProcessingOfficerOfAnotherAgency_GetsTheRefusalAndNothingOfTheDossier()
    {
        var dossier = await InProcessAsync();
        SignInAs(StaffRoles.ProcessingOfficer, AgencyId(Police));

        var page = RenderPage(dossier.Id);

        page.WaitForAssertion(() => Assert.Contains("không thuộc cơ quan bạn được phân công", page.Find("[data-testid='outside-scope']").TextContent));
        Assert.DoesNotContain("Nguyễn Thị Hồng Nhung", page.Markup);
        Assert.Empty(Actions(page));
    }

    [Fact]
    public async Task Header_ShowsDueDateVietnamTimeAlertWordsAndTheTimeline()
    {
        var dossier = await InProcessAsync();

        var page = RenderPage(dossier.Id);

        page.WaitForAssertion(() => Assert.Contains(Console.Components.Shared.Format.DateTime(dossier.DueAtUtc), page.Find("[data-testid='due']").TextContent));
        Assert.Matches("Trong hạn|Sắp đến hạn|Đến hạn hôm nay|Quá hạn", page.Find("[data-testid='alert']").TextContent);
        var events = page.FindAll("[data-testid='timeline'] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(events, e => e.Contains("Tiếp nhận hồ sơ") && e.Contains("tiepnhan@h48.demo"));
        Assert.Contains(events, e => e.Contains("Chuyển cơ quan xử lý"));
    }

    /// <summary>The page with a dialog provider beside it, as the layout gives it in the app.</summary>
    private (IRenderedComponent<MudBlazor.MudDialogProvider> Dialogs, IRenderedComponent<DossierDetails> Page) RenderWithDialogs(long id) =>
        (Render<MudBlazor.MudDialogProvider>(), RenderPage(id));

    [Fact]
    public async Task Action_StalePage_ShowsWhoChangedItAndReloads()
    {
        var dossier = await ReceiveOneStopAsync();
        SignInAs(StaffRoles.ReceptionOfficer);
        var (dialogs, page) = RenderWithDialogs(dossier.Id);
        page.WaitForAssertion(() => Assert.NotEmpty(Actions(page)));
        // Someone else moves the dossier after this page loaded it.
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Workflow.StartProcessingAsync(dossier.Id, dossier.RowVersion, "tiepnhan.hung", null);

        page.Find("[data-testid='action-Withdraw']").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid='action-text'] textarea, textarea[data-testid='action-text']").Change("Công dân xin rút"));
        dialogs.Find("[data-testid='action-confirm']").Click();

        page.WaitForAssertion(() => Assert.Contains("tiepnhan.hung", page.Find("[data-testid='stale']").TextContent));
        Assert.Contains("Đang xử lý", page.Find("[data-testid='status']").TextContent);
        await using var db = Database.Open();
        Assert.Equal(DossierStatus.InProcess, (await db.Dossiers.SingleAsync(d => d.Id == dossier.Id)).Status);
    }

    [Fact]
    public async Task Action_MissingReason_ShowsTheDomainMessageInTheDialog()
    {
        var dossier = await ReceiveOneStopAsync();
        SignInAs(StaffRoles.ReceptionOfficer);
        var (dialogs, page) = RenderWithDialogs(dossier.Id);
        page.WaitForAssertion(() => Assert.NotEmpty(Actions(page)));

        page.Find("[data-testid='action-Withdraw']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Thời hạn dừng hẳn", dialogs.Find("[data-testid='clock-effect']").TextContent));
        dialogs.Find("[data-testid='action-confirm']").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Lý do rút hồ sơ không được để trống", dialogs.Markup));
    }
}
