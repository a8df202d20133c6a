using PublicService.Domain;
using PublicService.Domain.Settings;

namespace PublicService.Tests.Domain.Settings;

public sealed class FormSettingsTests
{
    private static FormSettings WithForm(FormKind kind, string number, string title) => FormSettings.Default with
    {
        Forms = [.. FormSettings.DefaultForms.Select(f => f.Kind == kind ? new FormTitle(kind, number, title) : f)],
    };

    [Fact]
    public void Defaults_AreValid_AndAreTheTodaysTexts()
    {
        var forms = FormSettings.Default;

        Assert.Empty(forms.Validate());
        Assert.Equal("UBND TỈNH H48", forms.Authority);
        Assert.Equal("01", forms.Form(FormKind.Receipt).Number);
        Assert.Equal("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", forms.Form(FormKind.ControlSheet).Title);
        Assert.Equal("H48, ngày 05 tháng 03 năm 2026", forms.DateLine(new DateOnly(2026, 3, 5)));
    }

    [Theory]
    [InlineData("", "Mẫu 05: số mẫu không được để trống.", "Forms[ControlSheet].Number")]
    [InlineData("05 a", "không hợp lệ", "Forms[ControlSheet].Number")]
    [InlineData("01", "Số mẫu “01” bị dùng cho nhiều mẫu", "Forms[ControlSheet].Number")]
    [InlineData("12345678901", "không hợp lệ", "Forms[ControlSheet].Number")]
    public void BadNumber_IsRefusedNamingTheForm(string number, string message, string field)
    {
        var settings = CenterSettings.CreateDefault();

        var error = Assert.Throws<DomainException>(() => settings.ChangeForms(WithForm(FormKind.ControlSheet, number, "PHIẾU"))).Error;

        Assert.Contains(message, error.Message);
        Assert.Equal(field, error.Field);
        Assert.Same(FormSettings.Default, settings.Forms);
        Assert.Equal(0, settings.RowVersion);
    }

    [Fact]
    public void EmptyAuthority_AndTooLongTitle_AreRefused()
    {
        var settings = CenterSettings.CreateDefault();

        var authority = Assert.Throws<DomainException>(() => settings.ChangeForms(FormSettings.Default with { Authority = "  " })).Error;
        var title = Assert.Throws<DomainException>(() => settings.ChangeForms(WithForm(FormKind.LogBook, "06", new string('A', 201)))).Error;
        var missing = Assert.Throws<DomainException>(() => settings.ChangeForms(FormSettings.Default with { Forms = FormSettings.DefaultForms.Take(5).ToList() })).Error;
        var newline = Assert.Throws<DomainException>(() => settings.ChangeForms(FormSettings.Default with { Place = "Kon\nTum" })).Error;

        Assert.Equal(("Authority", "Cơ quan chủ quản không được để trống."), (authority.Field, authority.Message));
        Assert.Equal("Forms[LogBook].Title", title.Field);
        Assert.Equal("Forms[LogBook]", missing.Field);
        Assert.Equal("Place", newline.Field);
    }

    [Fact]
    public void Change_TrimsAndStores_AndTheSameAgainIsNoChange()
    {
        var settings = CenterSettings.CreateDefault();

        settings.ChangeForms(WithForm(FormKind.Receipt, " 1a ", "  GIẤY BIÊN NHẬN  ") with { Authority = " UBND TỈNH KON TUM ", Place = "Kon Tum" });
        settings.ChangeForms(WithForm(FormKind.Receipt, "1a", "GIẤY BIÊN NHẬN") with { Authority = "UBND TỈNH KON TUM", Place = "Kon Tum" });

        Assert.Equal(1, settings.RowVersion);
        Assert.Equal("UBND TỈNH KON TUM", settings.Forms.Authority);
        Assert.Equal(new FormTitle(FormKind.Receipt, "1a", "GIẤY BIÊN NHẬN"), settings.Forms.Form(FormKind.Receipt));
        Assert.Equal("Kon Tum, ngày 01 tháng 12 năm 2026", settings.Forms.DateLine(new DateOnly(2026, 12, 1)));
    }
}
