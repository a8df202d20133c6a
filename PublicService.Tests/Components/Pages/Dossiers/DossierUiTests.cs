using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PublicService.Console.Components.Pages.Dossiers;
using PublicService.Console.Resources;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Staff;
using PublicService.Tests.Support;
using static PublicService.Tests.Support.TestCalendar;

namespace PublicService.Tests.Components.Pages.Dossiers;

public sealed class DossierUiTests : ComponentTestBase
{
    private IStringLocalizer<DossierUiText> Text => Services.GetRequiredService<IStringLocalizer<DossierUiText>>();

    [Fact]
    public void RemainingText_TwoAndAHalfWorkingDaysLeft_CountsWholeDays() =>
        // Monday 09:00 to Wednesday's close: 360 + 480 + 480 working minutes.
        Assert.Equal("còn 2 ngày làm việc", Text.RemainingText(Default, Vn(2026, 3, 2, 9), Vn(2026, 3, 4, 17)));

    [Fact]
    public void RemainingText_LessThanADay_CountsHours() =>
        Assert.Equal("còn 3 giờ làm việc", Text.RemainingText(Default, Vn(2026, 3, 2, 14), Vn(2026, 3, 2, 17)));

    [Fact]
    public void RemainingText_PastDue_SaysOverdueBy() =>
        Assert.Equal("quá hạn 3 giờ làm việc", Text.RemainingText(Default, Vn(2026, 3, 2, 11), Vn(2026, 3, 2, 8)));

    [Fact]
    public void RemainingText_OverdueOverAWeekend_CountsWorkingDaysOnly() =>
        // Friday's close to Tuesday's close: Monday and Tuesday.
        Assert.Equal("quá hạn 2 ngày làm việc", Text.RemainingText(Default, Vn(2026, 3, 10, 17), Vn(2026, 3, 6, 17)));

    [Theory]
    [InlineData(StaffRoles.ReceptionOfficer, new[] { DossierAction.StartProcessing, DossierAction.ReceiveSupplement, DossierAction.ReturnResult, DossierAction.Withdraw })]
    [InlineData(StaffRoles.Supervisor, new DossierAction[0])]
    [InlineData(StaffRoles.CatalogEditor, new DossierAction[0])]
    public void ActionsOfRoles_GiveTheDeskAndTheAgencyTheirOwnVerbs(string role, DossierAction[] expected) =>
        Assert.Equal(expected.Order(), DossierUi.ActionsOfRoles(StaffScope.Of("u", [role], [])).Order());

    [Fact]
    public void ActionsOfRoles_OnlyTheAdministratorCancels()
    {
        Assert.Contains(DossierAction.Cancel, DossierUi.ActionsOfRoles(StaffScope.Of("u", [StaffRoles.Administrator], [])));
        Assert.DoesNotContain(DossierAction.Cancel, DossierUi.ActionsOfRoles(StaffScope.Of("u", [StaffRoles.ProcessingOfficer, StaffRoles.ReceptionOfficer], [])));
    }

    [Fact]
    public void AppointmentText_IsTheReceiptsWording() =>
        Assert.Equal("17 giờ 00 phút, ngày 04 tháng 03 năm 2026", Text.AppointmentText(Vn(2026, 3, 4, 17)));

    [Fact]
    public void QrDataUri_IsAPngDataUri()
    {
        var uri = DossierUi.QrDataUri(DossierUi.PublicStatusUrl("https://dichvucong.h48.gov.vn/", "000.00.15.H48-260302-0001"));

        Assert.StartsWith("data:image/png;base64,", uri);
        var png = Convert.FromBase64String(uri["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public void PublicStatusUrl_IsAbsolute() =>
        Assert.Equal("https://dichvucong.h48.gov.vn/tra-cuu/000.00.15.H48-260302-0001",
            DossierUi.PublicStatusUrl("https://dichvucong.h48.gov.vn/", "000.00.15.H48-260302-0001"));
}
