using PublicService.Domain.Catalog;
using static PublicService.Tests.Domain.Catalog.ProcedureBuilder;

namespace PublicService.Tests.Domain.Catalog;

public sealed class ProcedureDiffTests
{
    private static readonly CatalogNames _names = new(
        new Dictionary<int, string> { [1] = "Đất đai" },
        new Dictionary<int, string> { [1] = "Văn phòng Đăng ký đất đai", [2] = "Thuế tỉnh", [3] = "Sở Nông nghiệp và Môi trường" },
        new Dictionary<int, string> { [1] = "Cấp tỉnh" });

    [Fact]
    public void Compare_SameContent_NoChange()
    {
        Assert.Empty(ProcedureDiff.Compare(Interconnected(), Interconnected(), _names));
    }

    [Fact]
    public void Compare_DecisionAndStepShares_NamesEachChangedPartWithBeforeAndAfter()
    {
        var before = Interconnected();
        var after = before.WithDefaultCase([InPerson(10), Online(10)], Steps(1, 2, 3, 4, 4, 2)) with { DecisionNumber = "99/QĐ-UBND" };

        var changes = ProcedureDiff.Compare(before, after, _names);

        Assert.Equal(["Số quyết định công bố", "Trường hợp \"Trường hợp thông thường\": các bước"], changes.Select(c => c.Label));
        var steps = changes[1];
        Assert.Contains("1. Kiểm tra hồ sơ, chuyển thông tin địa chính — Văn phòng Đăng ký đất đai, 5 ngày làm việc", steps.Before);
        Assert.Contains("2. Xác định nghĩa vụ tài chính — Thuế tỉnh, 4 ngày làm việc", steps.After);
    }

    [Fact]
    public void Compare_FeeAddedAndCaseRemoved_ReportsBoth()
    {
        var before = OneStop();
        var after = before with
        {
            Cases = [new ProcedureCase("default", "Trường hợp thông thường", [InPerson(10, new Fee("Phí cấp Phiếu lý lịch tư pháp", 200_000), new Fee("Phí gửi qua bưu điện", 30_000, "Nếu yêu cầu")), Online(10)],
                [new RequiredDocument("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Mẫu số 03/2013/TT-LLTP", 1, 0)])],
        };

        var changes = ProcedureDiff.Compare(before, after, _names);

        var fees = Assert.Single(changes, c => c.Label.EndsWith("trực tiếp: phí, lệ phí", StringComparison.Ordinal));
        Assert.Equal("Phí cấp Phiếu lý lịch tư pháp: 200.000 đồng\nPhí gửi qua bưu điện: 30.000 đồng (Nếu yêu cầu)", fees.After);
        var removed = Assert.Single(changes, c => c.Label == "Trường hợp \"Trường hợp phải xác minh\"");
        Assert.Equal(("có", ""), (removed.Before, removed.After));
    }
}
