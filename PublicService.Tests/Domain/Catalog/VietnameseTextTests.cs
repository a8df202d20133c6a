using PublicService.Domain;

namespace PublicService.Tests.Domain.Catalog;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Hộ tịch", "ho tich")]
    [InlineData("Đăng ký", "dang ky")]
    [InlineData("  Cấp Phiếu   lý lịch TƯ PHÁP ", "cap phieu ly lich tu phap")]
    [InlineData("Sở Tài nguyên và Môi trường", "so tai nguyen va moi truong")]
    [InlineData("1.001612.000.00.00.H48", "1.001612.000.00.00.h48")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_VietnameseText_RemovesDiacriticsAndLowercases(string? text, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(text));

    [Fact]
    public void Fold_DecomposedInput_GivesSameResultAsComposed() =>
        Assert.Equal(VietnameseText.Fold("Đất đai"), VietnameseText.Fold("Đất đai".Normalize(System.Text.NormalizationForm.FormD)));
}
