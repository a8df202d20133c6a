using PublicService.Domain;
using PublicService.Domain.Catalog;

namespace PublicService.Tests.Domain.Catalog;

public class ProcedureCodeTests
{
    [Theory]
    [InlineData("1.001193", "1.001193", false)]
    [InlineData("2.000635", "2.000635", false)]
    [InlineData(" 1.001612.000.00.00.h48 ", "1.001612.000.00.00.H48", true)]
    public void Parse_NationalOrLocalizedForm_NormalizesValue(string text, string expected, bool localized)
    {
        var code = ProcedureCode.Parse(text);

        Assert.Equal(expected, code.Value);
        Assert.Equal(localized, code.IsLocalized);
        Assert.Equal(expected[..8], code.National);
    }

    [Theory]
    [InlineData("1.00119")]
    [InlineData("1001193")]
    [InlineData("A.001193")]
    [InlineData("1.001193.")]
    [InlineData("1.001193..H48")]
    [InlineData("1.001193 H48")]
    public void Parse_WrongShape_RefusesWithExample(string text)
    {
        var error = Assert.Throws<DomainException>(() => ProcedureCode.Parse(text)).Error;

        Assert.Equal("catalog.procedure.code-invalid", error.Code);
        Assert.Equal("Code", error.Field);
        Assert.Contains("X.NNNNNN (ví dụ 1.001193)", error.Message);
    }

    [Fact]
    public void Parse_Empty_Refuses() =>
        Assert.Equal(
            "Mã thủ tục không được để trống.",
            Assert.Throws<DomainException>(() => ProcedureCode.Parse("  ")).Error.Message);

    [Fact]
    public void Parse_TooLong_Refuses() =>
        Assert.Equal(
            "catalog.procedure.code-too-long",
            Assert.Throws<DomainException>(() => ProcedureCode.Parse("1.001193" + string.Concat(Enumerable.Repeat(".H48", 14)))).Error.Code);
}
