using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;

namespace PublicService.Tests.Domain.Catalog;

/// <summary>Valid procedure content to start tests from; each test changes only what it is about.</summary>
public static class ProcedureBuilder
{
    public static ProcessingTime WorkingDays(int amount) => new(amount, TimeUnit.WorkingDays);

    public static ChannelTerm InPerson(int days, params Fee[] fees) =>
        new(Channel.InPerson, WorkingDays(days), $"{days:00} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", fees);

    public static ChannelTerm Online(int days, params Fee[] fees) =>
        new(Channel.Online, WorkingDays(days), $"{days:00} ngày làm việc", fees);

    public static ProcedureContent OneStop(int implementingAgencyId = 1, int fieldId = 1, int levelId = 1) => new()
    {
        DecisionNumber = "1234/QĐ-UBND",
        Name = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
        FieldId = fieldId,
        LevelIds = [levelId],
        Kind = ProcedureKind.OneStop,
        ImplementingAgencyId = implementingAgencyId,
        ResultName = "Phiếu lý lịch tư pháp",
        Cases =
        [
            new ProcedureCase(
                "default",
                "Trường hợp thông thường",
                [InPerson(10, new Fee("Phí cấp Phiếu lý lịch tư pháp", 200_000)), Online(10)],
                [new RequiredDocument("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Mẫu số 03/2013/TT-LLTP", 1, 0)]),
            new ProcedureCase("xac-minh", "Trường hợp phải xác minh", [InPerson(15)]),
        ],
    };

    /// <summary>An interconnected procedure split 5 + 3 + 2 + 0 working days over agencies 1, 2, 3 and back to 1.</summary>
    public static ProcedureContent Interconnected(int firstAgencyId = 1, int secondAgencyId = 2, int thirdAgencyId = 3) => new()
    {
        DecisionNumber = "567/QĐ-UBND",
        Name = "Đăng ký biến động quyền sử dụng đất do chuyển nhượng",
        FieldId = 1,
        LevelIds = [1],
        Kind = ProcedureKind.Interconnected,
        ImplementingAgencyId = firstAgencyId,
        CooperatingAgencyIds = [secondAgencyId, thirdAgencyId],
        ResultName = "Giấy chứng nhận quyền sử dụng đất",
        SupplementMode = SupplementClockMode.Restart,
        Cases =
        [
            new ProcedureCase(
                "default",
                "Trường hợp thông thường",
                [InPerson(10), Online(10)],
                steps: Steps(firstAgencyId, secondAgencyId, thirdAgencyId, 5, 3, 2)),
        ],
    };

    public static ProcedureStep[] Steps(int first, int second, int third, int a, int b, int c) =>
    [
        new(1, "Kiểm tra hồ sơ, chuyển thông tin địa chính", first, WorkingDays(a)),
        new(2, "Xác định nghĩa vụ tài chính", second, WorkingDays(b)),
        new(3, "Ký, cập nhật Giấy chứng nhận", third, WorkingDays(c)),
        new(4, "Trả kết quả", first, WorkingDays(0)),
    ];

    /// <summary>Replaces the default case (keeping its code) with one built from <paramref name="channels"/> and <paramref name="steps"/>.</summary>
    public static ProcedureContent WithDefaultCase(
        this ProcedureContent content, IEnumerable<ChannelTerm> channels, IEnumerable<ProcedureStep>? steps = null) =>
        content with
        {
            Cases = [new ProcedureCase("default", "Trường hợp thông thường", channels, steps: steps), .. content.Cases.Skip(1)],
        };
}
