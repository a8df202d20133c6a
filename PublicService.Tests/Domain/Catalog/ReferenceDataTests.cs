using PublicService.Domain;
using PublicService.Domain.Catalog;

namespace PublicService.Tests.Domain.Catalog;

public class ReferenceDataTests
{
    [Theory]
    [InlineData("000.00.53.H48")]
    [InlineData("H48.15")]
    [InlineData("h48")]
    [InlineData("G12-01_A")]
    public void Agency_LenientCodeShapes_Accepted(string code) =>
        Assert.Equal(code.ToUpperInvariant(), new Agency(code, "Sở Tư pháp").Code);

    [Theory]
    [InlineData("", "Mã định danh cơ quan không được để trống.")]
    [InlineData("000.00.53 H48", "Mã định danh cơ quan \"000.00.53 H48\" chỉ được gồm chữ, số và các dấu . - _ (ví dụ 000.00.53.H48).")]
    [InlineData(".H48", "Mã định danh cơ quan \".H48\" chỉ được gồm chữ, số và các dấu . - _ (ví dụ 000.00.53.H48).")]
    [InlineData("00000000000000000000.00000000000000000000", "Mã định danh cơ quan dài quá 40 ký tự.")]
    public void Agency_BadCode_RefusedWithMessage(string code, string message)
    {
        var error = Assert.Throws<DomainException>(() => new Agency(code, "Sở Tư pháp")).Error;

        Assert.Equal(message, error.Message);
        Assert.Equal("Code", error.Field);
    }

    [Fact]
    public void Agency_NoName_Refused() =>
        Assert.Equal(
            "Tên cơ quan không được để trống.",
            Assert.Throws<DomainException>(() => new Agency("000.00.15.H48", " ")).Error.Message);

    [Fact]
    public void Rename_TrimsAndChanges()
    {
        var agency = new Agency("000.00.15.H48", "Sở Tư pháp");

        agency.Rename("  Sở Tư pháp tỉnh ");

        Assert.Equal("Sở Tư pháp tỉnh", agency.Name);
    }

    [Fact]
    public void Field_And_Level_ValidateCodeAndName()
    {
        Assert.Equal("HO-TICH", new Field("ho-tich", "Hộ tịch").Code);
        Assert.Throws<DomainException>(() => new Field("HT", ""));
        Assert.Equal(2, new Level("XA", "Cấp xã", 2).SortOrder);
        Assert.Throws<DomainException>(() => new Level("cấp xã", "Cấp xã", 2));
    }

    [Fact]
    public void Counter_ReceiveFor_IgnoresDuplicatesAndStopReceivingRemoves()
    {
        var counter = new Counter("Q01", "Quầy 01", [1, 2]);

        counter.ReceiveFor(2);
        counter.ReceiveFor(3);
        counter.StopReceivingFor(1);
        counter.StopReceivingFor(9);

        Assert.Equal([2, 3], counter.AgencyIds.Order());
        Assert.True(counter.Receives(3));
        Assert.False(counter.Receives(1));
    }

    [Fact]
    public void Counter_ReceiveFor_UnsavedAgency_Refused() =>
        Assert.Equal(
            "catalog.reference-required",
            Assert.Throws<DomainException>(() => new Counter("Q01", "Quầy 01", [0])).Error.Code);
}
