using Bunit;
using Microsoft.EntityFrameworkCore;
using PublicService.Console.Components.Pages.Dossiers;
using PublicService.Console.Identity;
using PublicService.Domain.Settings;
using PublicService.Domain.Staff;

namespace PublicService.Tests.Components.Pages.Dossiers;

/// <summary>The printed forms read their header, numbers and titles from the centre settings; the control sheet and the log book pages.</summary>
public sealed class PrintedFormsTests : DossierPagesTestBase
{
    private static FormSettings KonTum() => FormSettings.Default with
    {
        Authority = "UBND TỈNH KON TUM",
        CenterName = "Trung tâm Phục vụ hành chính công",
        CenterFullName = "Trung tâm Phục vụ hành chính công tỉnh Kon Tum",
        Place = "Kon Tum",
        Forms = [.. FormSettings.DefaultForms.Select(f => f.Kind switch
        {
            FormKind.Receipt => f with { Number = "01a", Title = "GIẤY BIÊN NHẬN HỒ SƠ" },
            FormKind.SupplementRequest => f with { Number = "02b", Title = "PHIẾU HƯỚNG DẪN BỔ SUNG" },
            FormKind.ControlSheet => f with { Number = "05c" },
            _ => f,
        })],
    };

    [Fact]
    public async Task Receipt_Defaults_PrintsTodaysHeader()
    {
        var dossier = await ReceiveOneStopAsync();

        var page = Render<Receipt>(parameters => parameters.Add(p => p.Id, dossier.Id));

        page.WaitForAssertion(() => Assert.Equal("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", page.Find("[data-testid='form-title']").TextContent));
        Assert.Equal("UBND TỈNH H48", page.Find("[data-testid='form-authority']").TextContent);
        Assert.Equal("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", page.Find("[data-testid='form-unit']").TextContent);
        Assert.Equal("Mẫu số 01", page.Find("[data-testid='form-number']").TextContent);
        Assert.Contains("Trung tâm Phục vụ hành chính công tỉnh H48 tiếp nhận hồ sơ của:", page.Markup);
    }

    [Fact]
    public async Task Receipt_Configured_PrintsTheConfiguredAuthorityNumberTitleAndCentre()
    {
        await ConfigureFormsAsync(KonTum());
        var dossier = await ReceiveOneStopAsync();

        var page = Render<Receipt>(parameters => parameters.Add(p => p.Id, dossier.Id));

        page.WaitForAssertion(() => Assert.Equal("GIẤY BIÊN NHẬN HỒ SƠ", page.Find("[data-testid='form-title']").TextContent));
        Assert.Equal("UBND TỈNH KON TUM", page.Find("[data-testid='form-authority']").TextContent);
        Assert.Equal("Mẫu số 01a", page.Find("[data-testid='form-number']").TextContent);
        Assert.Contains("Trung tâm Phục vụ hành chính công tỉnh Kon Tum tiếp nhận hồ sơ của:", page.Markup);
        Assert.DoesNotContain("H48", page.Find("[data-testid='form-authority']").TextContent);
    }

    [Fact]
    public async Task SupplementNotice_Configured_PrintsTheConfiguredTitleAndPlace()
    {
        await ConfigureFormsAsync(KonTum());
        var dossier = await ReceiveOneStopAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));
        var started = await Workflow.StartProcessingAsync(dossier.Id, dossier.RowVersion, "tiepnhan", null);
        await Workflow.RequestSupplementAsync(dossier.Id, started.RowVersion, "xuly", "Thiếu bản sao", new DateOnly(2026, 2, 27), []);
        NavigateTo($"/ho-so/{dossier.Id}/phieu-bo-sung");

        var page = Render<DossierNotice>(parameters => parameters.Add(p => p.Id, dossier.Id));

        page.WaitForAssertion(() => Assert.Equal("PHIẾU HƯỚNG DẪN BỔ SUNG", page.Find("[data-testid='form-title']").TextContent));
        Assert.Equal("Mẫu số 02b", page.Find("[data-testid='form-number']").TextContent);
        Assert.StartsWith("Kon Tum, ngày ", page.Find("[data-testid='form-date']").TextContent);
    }

    [Fact]
    public async Task ControlSheet_ShowsOneRowPerHandOverWithTheConfiguredNumber()
    {
        await ConfigureFormsAsync(KonTum());
        var dossier = await ReceiveOneStopAsync("Lê Văn Cường");
        Clock.Advance(TimeSpan.FromMinutes(5));
        var started = await Workflow.StartProcessingAsync(dossier.Id, dossier.RowVersion, "tiepnhan", null);
        Clock.Advance(TimeSpan.FromHours(1));
        await Workflow.RecordResultAsync(dossier.Id, started.RowVersion, "xuly", null);

        var page = Render<ControlSheet>(parameters => parameters.Add(p => p.Id, dossier.Id));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='control-row']").Count));
        Assert.Equal("Mẫu số 05c", page.Find("[data-testid='form-number']").TextContent);
        Assert.Equal("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", page.Find("[data-testid='form-title']").TextContent);
        Assert.Equal("Lê Văn Cường", page.Find("[data-testid='control-applicant']").TextContent);
        var results = page.FindAll("[data-testid='control-result']").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["–", "Trước hạn"], results);
    }

    [Fact]
    public async Task ControlSheet_OutsideTheOfficersAgencies_IsRefused()
    {
        var dossier = await ReceiveOneStopAsync();
        SignInAs(StaffRoles.ProcessingOfficer, AgencyId("000.00.53.H48"));

        var page = Render<ControlSheet>(parameters => parameters.Add(p => p.Id, dossier.Id));

        page.WaitForAssertion(() => Assert.Contains("không thuộc cơ quan bạn được phân công", page.Find("[data-testid='control-sheet-missing']").TextContent));
        Assert.Empty(page.FindAll("[data-testid='control-row']"));
    }

    [Fact]
    public async Task LogBook_ListsThisMonthsDossiers_ExportOnlyForTheRightRoles()
    {
        var dossier = await ReceiveOneStopAsync("Phạm Thị Dung");

        var page = Render<LogBookScreen>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='logbook-row']")));
        Assert.Contains(dossier.Code, page.Find("[data-testid='logbook-row']").TextContent);
        Assert.Contains("Phạm Thị Dung", page.Find("[data-testid='logbook-row']").TextContent);
        Assert.Equal("SỔ THEO DÕI HỒ SƠ", page.Find("[data-testid='form-title']").TextContent);
        var export = page.Find("[data-testid='logbook-export']");
        Assert.StartsWith("/so-theo-doi/xuat-excel?tu=01/", export.GetAttribute("href"));

        SignInAs(StaffRoles.ProcessingOfficer, AgencyId("000.00.15.H48"));
        // bUnit grants the policies it is told to; a processing officer holds those that name their role.
        Authorization.SetPolicies([.. StaffPolicies.Roles.Where(p => p.Value.Contains(StaffRoles.ProcessingOfficer)).Select(p => p.Key)]);
        var officers = Render<LogBookScreen>();
        officers.WaitForAssertion(() => Assert.Single(officers.FindAll("[data-testid='logbook-row']")));
        Assert.Empty(officers.FindAll("[data-testid='logbook-export']"));
    }
}
