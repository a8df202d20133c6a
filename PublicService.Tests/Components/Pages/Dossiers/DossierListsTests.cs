using Bunit;
using Microsoft.EntityFrameworkCore;
using PublicService.Console.Components.Pages.Dossiers;
using PublicService.Domain.Staff;

namespace PublicService.Tests.Components.Pages.Dossiers;

/// <summary>The work queue, the search, the receipt and the printed notices, against dossiers received through the real reception.</summary>
public sealed class DossierListsTests : DossierPagesTestBase
{
    private const string Justice = "000.00.15.H48";
    private const string Police = "000.00.53.H48";

    private static List<string> Codes(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page) =>
        [.. page.FindAll("tbody tr a").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task Queue_ProcessingOfficer_SeesTheDossiersAtTheirAgencySortedByDue()
    {
        var first = await ReceiveOneStopAsync("Nguyễn Văn An");
        var second = await ReceiveOneStopAsync("Trần Thị Bình");
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Workflow.StartProcessingAsync(second.Id, second.RowVersion, "tiepnhan", null);
        await Workflow.StartProcessingAsync(first.Id, first.RowVersion, "tiepnhan", null);
        SignInAs(StaffRoles.ProcessingOfficer, AgencyId(Justice));

        var page = Render<WorkQueue>();

        page.WaitForAssertion(() => Assert.Equal([first.Code, second.Code], Codes(page)));
        Assert.Matches("còn \\d+ (ngày|giờ) làm việc", page.Find("tbody tr").TextContent);
    }

    [Fact]
    public async Task Queue_OfficerOfAnotherAgency_IsEmpty()
    {
        var dossier = await ReceiveOneStopAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Workflow.StartProcessingAsync(dossier.Id, dossier.RowVersion, "tiepnhan", null);
        SignInAs(StaffRoles.ProcessingOfficer, AgencyId(Police));

        var page = Render<WorkQueue>();

        page.WaitForAssertion(() => Assert.Contains("Không có hồ sơ nào trong hàng đợi.", page.Markup));
    }

    [Fact]
    public async Task Queue_ReceptionOfficer_SeesResultsReadyToReturn()
    {
        var ready = await ReceiveOneStopAsync("Nguyễn Văn An");
        var received = await ReceiveOneStopAsync("Trần Thị Bình");
        Clock.Advance(TimeSpan.FromMinutes(5));
        var started = await Workflow.StartProcessingAsync(ready.Id, ready.RowVersion, "tiepnhan", null);
        await Workflow.RecordResultAsync(ready.Id, started.RowVersion, "xuly", null);
        SignInAs(StaffRoles.ReceptionOfficer);

        var page = Render<WorkQueue>();

        page.WaitForAssertion(() => Assert.Equal([ready.Code], Codes(page)));
        Assert.DoesNotContain(received.Code, page.Markup);
    }

    [Theory]
    [InlineData("hong nhung")]
    [InlineData("Hồng Nhung")]
    [InlineData("001234567890")]
    public async Task Search_ByNameWithOrWithoutDiacriticsOrIdNumber_FindsTheDossier(string text)
    {
        var dossier = await ReceiveOneStopAsync("Nguyễn Thị Hồng Nhung");
        await ReceiveOneStopAsync("Trần Văn Bình");
        var page = Render<DossierSearch>();

        page.Find("input[data-testid='search'], [data-testid='search'] input").Input(text);
        // MudBlazor debounces the search box on the injected TimeProvider, which here is the fake clock.
        // Both test applicants share the ID number; the names differ.
        var expected = text.All(char.IsAsciiDigit) ? 2 : 1;
        AdvanceClockUntil(() => Codes(page).Count == expected);

        page.WaitForAssertion(() => Assert.Equal(expected, Codes(page).Count));
        Assert.Contains(dossier.Code, Codes(page));
    }

    [Fact]
    public async Task Search_ByCodePrefix_FindsTheDaysDossiers()
    {
        var first = await ReceiveOneStopAsync();
        var second = await ReceiveOneStopAsync();
        var page = Render<DossierSearch>();

        page.Find("input[data-testid='search'], [data-testid='search'] input").Input(first.Code[..^5]);
        AdvanceClockUntil(() => Codes(page).Count == 2);

        page.WaitForAssertion(() => Assert.Equal([second.Code, first.Code], Codes(page)));
    }

    [Fact]
    public async Task Receipt_ShowsTheFormWithCodeAppointmentAndAQrCodeToThePublicPage()
    {
        var dossier = await ReceiveOneStopAsync();

        var page = Render<Receipt>(parameters => parameters.Add(p => p.Id, dossier.Id));

        page.WaitForAssertion(() => Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", page.Markup));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", page.Markup);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", page.Markup);
        Assert.Equal(dossier.Code, page.Find("[data-testid='receipt-code']").TextContent);
        Assert.Matches(@"^\d{2} giờ \d{2} phút, ngày \d{2} tháng \d{2} năm \d{4}$", page.Find("[data-testid='receipt-appointment']").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid='receipt-documents'] tbody tr"));
        Assert.StartsWith("data:image/png;base64,", page.Find("[data-testid='receipt-qr']").GetAttribute("src"));
        Assert.Equal($"http://localhost/tra-cuu/{dossier.Code}", page.Find("[data-testid='receipt-url']").TextContent);
    }

    [Fact]
    public async Task SupplementNotice_ListsTheReasonDocumentsAndDeadline()
    {
        var dossier = await ReceiveOneStopAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));
        var started = await Workflow.StartProcessingAsync(dossier.Id, dossier.RowVersion, "tiepnhan", null);
        await Workflow.RequestSupplementAsync(dossier.Id, started.RowVersion, "xuly", "Thiếu bản sao có chứng thực", new DateOnly(2026, 2, 27), ["Giấy tờ tùy thân"]);
        NavigateTo($"/ho-so/{dossier.Id}/phieu-bo-sung");

        var page = Render<DossierNotice>(parameters => parameters.Add(p => p.Id, dossier.Id));

        page.WaitForAssertion(() => Assert.Contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", page.Markup));
        Assert.Contains("Thiếu bản sao có chứng thực", page.Markup);
        Assert.Contains("27/02/2026", page.Markup);
        Assert.Equal("Giấy tờ tùy thân", page.Find("[data-testid='notice-documents'] li").TextContent);
    }

    [Fact]
    public async Task ApologyNotice_WithoutApology_SaysThereIsNone()
    {
        var dossier = await ReceiveOneStopAsync();
        NavigateTo($"/ho-so/{dossier.Id}/phieu-xin-loi");

        var page = Render<DossierNotice>(parameters => parameters.Add(p => p.Id, dossier.Id));

        page.WaitForAssertion(() => Assert.Contains("chưa có phiếu xin lỗi", page.Find("[data-testid='notice-missing']").TextContent));
    }
}
