using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Persistence;

namespace PublicService.Domain.Demo;

/// <summary>
/// A deterministic demo catalog for the made-up province "H48": nine agencies, fields, two levels, three counters and
/// twenty procedures (one-stop and interconnected, same-day, working-hour and calendar-day periods, several cases and
/// channels, fees in VND), every version published and in force from <see cref="EffectiveFrom"/>.
/// </summary>
/// <remarks>
/// Ids come from the database, so the catalog is saved in two rounds by <see cref="AddToAsync"/>: first the reference
/// data <see cref="Build"/> returns, then the counters and procedures, built from the saved agencies', fields' and
/// levels' ids.
/// <code>
/// var demo = DemoCatalog.Build();
/// await demo.AddToAsync(db);   // or demo.AddTo(db); saves everything, and fills demo.Counters and demo.Procedures
/// </code>
/// </remarks>
public sealed class DemoCatalog
{
    /// <summary>The day every demo version takes effect.</summary>
    public static readonly DateOnly EffectiveFrom = new(2025, 7, 1);

    /// <summary>The provincial decision that published the demo catalog.</summary>
    public const string DecisionNumber = "1250/QĐ-UBND";

    private const string ReceivingPlace =
        "Trung tâm Phục vụ hành chính công tỉnh H48, số 01 đường Trần Hưng Đạo; hoặc Cổng Dịch vụ công quốc gia.";

    private const string DetailedByLaw = "TTHC được luật giao quy định chi tiết";

    private static readonly ProcessingTime _sameDay = new(0, TimeUnit.SameDay);

    private readonly Agency _justice = new("000.00.15.H48", "Sở Tư pháp");
    private readonly Agency _environment = new("000.00.20.H48", "Sở Nông nghiệp và Môi trường");
    private readonly Agency _landOffice = new("000.01.20.H48", "Văn phòng Đăng ký đất đai");
    private readonly Agency _finance = new("000.00.07.H48", "Sở Tài chính");
    private readonly Agency _construction = new("000.00.12.H48", "Sở Xây dựng");
    private readonly Agency _homeAffairs = new("000.00.18.H48", "Sở Nội vụ");
    private readonly Agency _police = new("000.00.53.H48", "Công an tỉnh");
    private readonly Agency _tax = new("H48.15", "Thuế tỉnh H48");
    private readonly Agency _power = new("H48.30", "Công ty Điện lực H48");

    private readonly Field _civilStatus = new("HO-TICH", "Hộ tịch");
    private readonly Field _judicialRecord = new("LY-LICH-TU-PHAP", "Lý lịch tư pháp");
    private readonly Field _certification = new("CHUNG-THUC", "Chứng thực");
    private readonly Field _land = new("DAT-DAI", "Đất đai");
    private readonly Field _investment = new("DAU-TU", "Đầu tư tại Việt Nam");
    private readonly Field _enterprise = new("DOANH-NGHIEP", "Thành lập và hoạt động doanh nghiệp");
    private readonly Field _building = new("XAY-DUNG", "Hoạt động xây dựng");
    private readonly Field _employment = new("VIEC-LAM", "Việc làm");
    private readonly Field _foreignLabour = new("LAO-DONG", "Lao động nước ngoài");
    private readonly Field _immigration = new("XUAT-NHAP-CANH", "Quản lý xuất nhập cảnh");
    private readonly Field _electricity = new("DIEN", "Điện");

    private readonly Level _province = new("TINH", "Cấp tỉnh", 1);
    private readonly Level _commune = new("XA", "Cấp xã", 2);

    private readonly List<Counter> _counters = [];
    private readonly List<Procedure> _procedures = [];

    private DemoCatalog() { }

    /// <summary>The agencies, unsaved; the land registration office is placed under its Sở once ids exist.</summary>
    public IReadOnlyList<Agency> Agencies =>
        [_justice, _environment, _landOffice, _finance, _construction, _homeAffairs, _police, _tax, _power];

    public IReadOnlyList<Field> Fields =>
    [
        _civilStatus, _judicialRecord, _certification, _land, _investment, _enterprise, _building, _employment,
        _foreignLabour, _immigration, _electricity,
    ];

    public IReadOnlyList<Level> Levels => [_province, _commune];

    /// <summary>The counters; empty until <see cref="AddToAsync"/> has saved the agencies they receive for.</summary>
    public IReadOnlyList<Counter> Counters => _counters;

    /// <summary>The procedures, all published; empty until <see cref="AddToAsync"/> has saved what they reference.</summary>
    public IReadOnlyList<Procedure> Procedures => _procedures;

    /// <summary>A fresh, unsaved demo catalog; the same every time.</summary>
    public static DemoCatalog Build() => new();

    /// <summary>
    /// Saves the reference data, then the counters and procedures that reference it, on <paramref name="db"/>.
    /// Meant for an empty catalog: codes are unique, so a second run fails on the unique indexes.
    /// </summary>
    public async Task AddToAsync(PublicServiceDbContext db, CancellationToken cancellationToken = default)
    {
        AddReferenceData(db);
        await db.SaveChangesAsync(cancellationToken);
        AddCountersAndProcedures(db);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The synchronous <see cref="AddToAsync"/>, for tests and command-line seeding.</summary>
    public void AddTo(PublicServiceDbContext db)
    {
        AddReferenceData(db);
        db.SaveChanges();
        AddCountersAndProcedures(db);
        db.SaveChanges();
    }

    private void AddReferenceData(PublicServiceDbContext db)
    {
        if (_procedures.Count > 0)
        {
            throw new InvalidOperationException("This demo catalog was already added; build a new one.");
        }

        db.Agencies.AddRange(Agencies);
        db.Fields.AddRange(Fields);
        db.Levels.AddRange(Levels);
    }

    private void AddCountersAndProcedures(PublicServiceDbContext db)
    {
        _landOffice.MoveUnder(_environment.Id);
        _counters.AddRange(BuildCounters());
        _procedures.AddRange(BuildProcedures());
        db.Counters.AddRange(_counters);
        db.Procedures.AddRange(_procedures);
    }

    private IEnumerable<Counter> BuildCounters() =>
    [
        new("Q01", "Quầy 01 – Tư pháp, Công an", [_justice.Id, _police.Id]),
        new("Q02", "Quầy 02 – Đất đai, Xây dựng", [_environment.Id, _landOffice.Id, _construction.Id, _tax.Id]),
        new("Q03", "Quầy 03 – Đầu tư, Doanh nghiệp, Nội vụ, Điện lực", [_finance.Id, _homeAffairs.Id, _power.Id]),
    ];

    private IEnumerable<Procedure> BuildProcedures()
    {
        yield return Published("2.000505.000.00.00.H48", new ProcedureContent
        {
            DecisionNumber = DecisionNumber,
            Name = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
            FieldId = _judicialRecord.Id,
            LevelIds = [_province.Id],
            ProcedureType = DetailedByLaw,
            DecidingAgency = "Sở Tư pháp",
            ImplementingAgencyId = _justice.Id,
            CooperatingAgencyIds = [_police.Id],
            ReceivingPlace = ReceivingPlace,
            ResultName = "Phiếu lý lịch tư pháp",
            Conditions = "Không",
            LegalBases =
            [
                new LegalBasis("28/2009/QH12", "Luật Lý lịch tư pháp", new DateOnly(2009, 6, 17), "Quốc hội"),
                new LegalBasis(
                    "244/2016/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp",
                    new DateOnly(2016, 11, 11), "Bộ Tài chính"),
            ],
            Cases =
            [
                new ProcedureCase(
                    ProcedureCase.DefaultCode,
                    "Trường hợp thông thường",
                    Channels(
                        WorkingDays(10),
                        "Không quá 10 ngày làm việc, kể từ ngày nhận được yêu cầu hợp lệ.",
                        [new Fee("Phí cung cấp thông tin lý lịch tư pháp", 200_000, "Sinh viên, người có công với cách mạng, thân nhân liệt sĩ: 100.000 đồng/lần/người")],
                        Channel.InPerson, Channel.Online, Channel.Post),
                    [
                        new RequiredDocument("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Mẫu số 03/2013/TT-LLTP", 1, 0),
                        new RequiredDocument("Căn cước hoặc hộ chiếu của người được cấp Phiếu lý lịch tư pháp", null, 0, 1),
                        new RequiredDocument("Văn bản ủy quyền (trường hợp ủy quyền làm thủ tục)", null, 1, 0, DocumentRequirement.Conditional),
                    ]),
                new ProcedureCase(
                    "xac-minh",
                    "Trường hợp phải xác minh (cư trú nhiều nơi, có thời gian cư trú ở nước ngoài, người nước ngoài)",
                    Channels(
                        WorkingDays(15),
                        "Trường hợp người được cấp Phiếu lý lịch tư pháp là công dân Việt Nam đã cư trú ở nhiều nơi hoặc có thời gian cư trú ở nước ngoài, người nước ngoài, trường hợp phải xác minh về điều kiện đương nhiên được xóa án tích thì thời hạn không quá 15 ngày.",
                        [new Fee("Phí cung cấp thông tin lý lịch tư pháp", 200_000)],
                        Channel.InPerson, Channel.Online, Channel.Post),
                    [
                        new RequiredDocument("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Mẫu số 03/2013/TT-LLTP", 1, 0),
                        new RequiredDocument("Căn cước hoặc hộ chiếu của người được cấp Phiếu lý lịch tư pháp", null, 0, 1),
                        new RequiredDocument("Giấy tờ chứng minh nơi cư trú trước đây", null, 0, 1, DocumentRequirement.Conditional),
                    ]),
            ],
        });

        yield return Published("2.000635.000.00.00.H48", new ProcedureContent
        {
            DecisionNumber = DecisionNumber,
            Name = "Cấp bản sao Trích lục hộ tịch",
            FieldId = _civilStatus.Id,
            LevelIds = [_province.Id, _commune.Id],
            ProcedureType = DetailedByLaw,
            DecidingAgency = "Sở Tư pháp",
            ImplementingAgencyId = _justice.Id,
            ReceivingPlace = ReceivingPlace,
            ResultName = "Bản sao Trích lục hộ tịch",
            LegalBases = [new LegalBasis("60/2014/QH13", "Luật Hộ tịch", new DateOnly(2014, 11, 20), "Quốc hội")],
            Cases =
            [
                new ProcedureCase(
                    ProcedureCase.DefaultCode,
                    "Cấp bản sao trích lục",
                    Channels(
                        _sameDay,
                        "Ngay trong ngày tiếp nhận yêu cầu; trường hợp nhận yêu cầu sau 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo.",
                        [new Fee("Phí cấp bản sao trích lục hộ tịch", 8_000, "8.000 đồng/bản sao")],
                        Channel.InPerson, Channel.Online, Channel.Post),
                    [
                        new RequiredDocument("Tờ khai cấp bản sao Trích lục hộ tịch", "Mẫu TK cấp bản sao trích lục", 1, 0),
                        new RequiredDocument("Giấy tờ tùy thân của người yêu cầu", null, 0, 1),
                    ]),
            ],
        });

        yield return Published("2.000554.000.00.00.H48", new ProcedureContent
        {
            DecisionNumber = DecisionNumber,
            Name = "Thay đổi, cải chính, bổ sung thông tin hộ tịch có yếu tố nước ngoài",
            FieldId = _civilStatus.Id,
            LevelIds = [_province.Id],
            ProcedureType = DetailedByLaw,
            DecidingAgency = "Sở Tư pháp",
            ImplementingAgencyId = _justice.Id,
            ReceivingPlace = ReceivingPlace,
            ResultName = "Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch",
            LegalBases = [new LegalBasis("60/2014/QH13", "Luật Hộ tịch", new DateOnly(2014, 11, 20), "Quốc hội")],
            Cases =
            [
                new ProcedureCase(
                    ProcedureCase.DefaultCode,
                    "Trường hợp thông thường",
                    Channels(
                        WorkingDays(3),
                        "03 ngày làm việc; trường hợp phải xác minh thì thời hạn giải quyết không quá 06 ngày làm việc.",
                        [new Fee("Lệ phí thay đổi, cải chính, bổ sung thông tin hộ tịch", 50_000)],
                        Channel.InPerson, Channel.Online),
                    [
                        new RequiredDocument("Tờ khai thay đổi, cải chính, bổ sung thông tin hộ tịch", "Mẫu TK thay đổi hộ tịch", 1, 0),
                        new RequiredDocument("Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung", null, 0, 1),
                    ]),
                new ProcedureCase(
                    "xac-minh",
                    "Trường hợp phải xác minh",
                    Channels(
                        WorkingDays(6),
                        "Trường hợp phải xác minh thì thời hạn giải quyết không quá 06 ngày làm việc.",
                        [new Fee("Lệ phí thay đổi, cải chính, bổ sung thông tin hộ tịch", 50_000)],
                        Channel.InPerson)),
            ],
        });

        yield return Published("2.000815.000.00.00.H48", new ProcedureContent
        {
            DecisionNumber = DecisionNumber,
            Name = "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của nước ngoài cấp",
            FieldId = _certification.Id,
            LevelIds = [_province.Id, _commune.Id],
            ProcedureType = DetailedByLaw,
            DecidingAgency = "Sở Tư pháp",
            ImplementingAgencyId = _justice.Id,
            ReceivingPlace = ReceivingPlace,
            ResultName = "Bản sao được chứng thực từ bản chính",
            LegalBases = [new LegalBasis("23/2015/NĐ-CP", "Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch", new DateOnly(2015, 2, 16), "Chính phủ")],
            Cases =
            [
                new ProcedureCase(
                    ProcedureCase.DefaultCode,
                    "Chứng thực bản sao",
                    Channels(
                        _sameDay,
                        "Trong ngày cơ quan, tổ chức tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo nếu tiếp nhận yêu cầu sau 15 giờ.",
                        [new Fee("Phí chứng thực bản sao từ bản chính", 2_000, "2.000 đồng/trang; từ trang thứ ba trở lên thu 1.000 đồng/trang, tối đa 200.000 đồng/bản")],
                        Channel.InPerson),
                    [
                        new RequiredDocument("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", null, 1, 0),
                        new RequiredDocument("Bản sao cần chứng thực", null, 0, 1),
                    ]),
            ],
        });

        yield return Published("2.001610.000.00.00.H48", Enterprise(
            "Đăng ký thành lập doanh nghiệp tư nhân",
            "Giấy đề nghị đăng ký doanh nghiệp tư nhân",
            "Phụ lục I-1"));

        yield return Published("2.002043.000.00.00.H48", Enterprise(
            "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên",
            "Giấy đề nghị đăng ký công ty trách nhiệm hữu hạn một thành viên",
            "Phụ lục I-2"));

        yield return Published("1.005155.000.00.00.H48", Enterprise(
            "Đăng ký thành lập công ty cổ phần",
            "Giấy đề nghị đăng ký công ty cổ phần",
            "Phụ lục I-4"));

        yield return Published("1.009645.000.00.00.H48", new ProcedureContent
        {
            DecisionNumber = DecisionNumber,
            Name = "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư",
            FieldId = _investment.Id,
            LevelIds = [_province.Id],
            ProcedureType = DetailedByLaw,
            DecidingAgency = "Sở Tài chính",
            ImplementingAgencyId = _finance.Id,
            ReceivingPlace = ReceivingPlace,
            ResultName = "Giấy chứng nhận đăng ký đầu tư",
            Conditions = "Dự án đầu tư không thuộc ngành, nghề cấm đầu tư kinh doanh; có địa điểm thực hiện dự án; phù hợp với quy hoạch.",
            SupplementMode = SupplementClockMode.Restart,
            LegalBases = [new LegalBasis("61/2020/QH14", "Luật Đầu tư", new DateOnly(2020, 6, 17), "Quốc hội")],
            Cases =
            [
                new ProcedureCase(
                    ProcedureCase.DefaultCode,
                    "Trường hợp thông thường",
                    Channels(
                        WorkingDays(15),
                        "15 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ.",
                        [],
                        Channel.InPerson, Channel.Online, Channel.Post),
                    [
                        new RequiredDocument("Văn bản đề nghị thực hiện dự án đầu tư", "Mẫu A.I.1", 1, 0),
                        new RequiredDocument("Tài liệu về tư cách pháp lý của nhà đầu tư", null, 0, 1),
                        new RequiredDocument("Đề xuất dự án đầu tư", "Mẫu A.I.3", 1, 0),
                        new RequiredDocument("Báo cáo tài chính 02 năm gần nhất của nhà đầu tư", null, 0, 1),
                    ]),
            ],
        });

        yield return Published("1.009742.000.00.00.H48", new ProcedureContent
        {
            DecisionNumber = DecisionNumber,
            Name = "Chấp thuận chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh",
            FieldId = _investment.Id,
            LevelIds = [_province.Id],
            Kind = ProcedureKind.Interconnected,
            ProcedureType = DetailedByLaw,
            DecidingAgency = "Ủy ban nhân dân tỉnh",
            ImplementingAgencyId = _finance.Id,
            CooperatingAgencyIds = [_construction.Id, _environment.Id],
            ReceivingPlace = ReceivingPlace,
            ResultName = "Quyết định chấp thuận chủ trương đầu tư",
            LegalBases = [new LegalBasis("61/2020/QH14", "Luật Đầu tư", new DateOnly(2020, 6, 17), "Quốc hội")],
            Cases =
            [
                new ProcedureCase(
                    ProcedureCase.DefaultCode,
                    "Trường hợp thông thường",
                    Channels(
                        WorkingDays(35),
                        "35 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                        [],
                        Channel.InPerson, Channel.Online),
                    [
                        new RequiredDocument("Văn bản đề nghị thực hiện dự án đầu tư", "Mẫu A.I.1", 1, 0),
                        new RequiredDocument("Đề xuất dự án đầu tư", "Mẫu A.I.3", 1, 0),
                        new RequiredDocument("Tài liệu về tư cách pháp lý của nhà đầu tư", null, 0, 1),
                    ],
                    [
                        new ProcedureStep(1, "Tiếp nhận, gửi hồ sơ lấy ý kiến thẩm định", _finance.Id, WorkingDays(3)),
                        new ProcedureStep(2, "Ý kiến về quy hoạch xây dựng", _construction.Id, WorkingDays(10)),
                        new ProcedureStep(3, "Ý kiến về nhu cầu sử dụng đất, điều kiện giao đất", _environment.Id, WorkingDays(12)),
                        new ProcedureStep(4, "Lập báo cáo thẩm định, trình Ủy ban nhân dân tỉnh quyết định", _finance.Id, WorkingDays(10)),
                    ]),
            ],
        });

        yield return Published("1.009994.000.00.00.H48", Building(
            "Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II",
            WorkingDays(15),
            "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
            new Fee("Lệ phí cấp giấy phép xây dựng", 150_000),
            "Đơn đề nghị cấp giấy phép xây dựng",
            "Mẫu số 01 Phụ lục II"));

        yield return Published("1.009995.000.00.00.H48", Building(
            "Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp đặc biệt, cấp I, cấp II",
            WorkingDays(15),
            "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
            new Fee("Lệ phí cấp giấy phép xây dựng", 150_000),
            "Đơn đề nghị cấp giấy phép sửa chữa, cải tạo công trình",
            "Mẫu số 01 Phụ lục II"));

        yield return Published("1.009996.000.00.00.H48", Building(
            "Gia hạn giấy phép xây dựng đối với công trình cấp đặc biệt, cấp I, cấp II",
            WorkingDays(5),
            "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
            new Fee("Lệ phí gia hạn giấy phép xây dựng", 15_000),
            "Đơn đề nghị gia hạn giấy phép xây dựng",
            "Mẫu số 02 Phụ lục II"));

        yield return Published("1.012756.000.00.00.H48", new ProcedureContent
        {
            DecisionNumber = DecisionNumber,
            Name = "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu",
            FieldId = _land.Id,
            LevelIds = [_province.Id],
            Kind = ProcedureKind.Interconnected,
            ProcedureType = DetailedByLaw,
            DecidingAgency = "Sở Nông nghiệp và Môi trường",
            ImplementingAgencyId = _landOffice.Id,
            CooperatingAgencyIds = [_tax.Id, _environment.Id],
            ReceivingPlace = ReceivingPlace,
            ResultName = "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            LegalBases =
            [
                new LegalBasis("31/2024/QH15", "Luật Đất đai", new DateOnly(2024, 1, 18), "Quốc hội"),
                new LegalBasis("101/2024/NĐ-CP", "Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất", new DateOnly(2024, 7, 29), "Chính phủ"),
            ],
            Cases =
            [
                new ProcedureCase(
                    ProcedureCase.DefaultCode,
                    "Trường hợp thông thường",
                    Channels(
                        WorkingDays(20),
                        "Không quá 20 ngày làm việc kể từ ngày nhận được hồ sơ đăng ký hợp lệ (không kể thời gian thực hiện nghĩa vụ tài chính).",
                        [new Fee("Lệ phí cấp Giấy chứng nhận", 100_000), new Fee("Phí thẩm định hồ sơ cấp Giấy chứng nhận", 500_000, "Theo diện tích, mục đích sử dụng đất")],
                        Channel.InPerson, Channel.Online),
                    [
                        new RequiredDocument("Đơn đăng ký đất đai, tài sản gắn liền với đất", "Mẫu số 04/ĐK", 1, 0),
                        new RequiredDocument("Giấy tờ về quyền sử dụng đất", null, 0, 1),
                        new RequiredDocument("Chứng từ thực hiện nghĩa vụ tài chính (nếu có)", null, 1, 0, DocumentRequirement.Conditional),
                    ],
                    [
                        new ProcedureStep(1, "Kiểm tra hồ sơ, xác minh thực địa, gửi thông tin địa chính đến cơ quan thuế", _landOffice.Id, WorkingDays(10)),
                        new ProcedureStep(2, "Xác định và thông báo nghĩa vụ tài chính", _tax.Id, WorkingDays(5)),
                        new ProcedureStep(3, "Ký Giấy chứng nhận", _environment.Id, WorkingDays(5)),
                        new ProcedureStep(4, "Trả kết quả", _landOffice.Id, WorkingDays(0)),
                    ]),
            ],
        });

        yield return Published("1.012765.000.00.00.H48", new ProcedureContent
        {
            DecisionNumber = DecisionNumber,
            Name = "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong trường hợp chuyển nhượng, tặng cho, thừa kế",
            FieldId = _land.Id,
            LevelIds = [_province.Id],
            Kind = ProcedureKind.Interconnected,
            ProcedureType = DetailedByLaw,
            DecidingAgency = "Sở Nông nghiệp và Môi trường",
            ImplementingAgencyId = _landOffice.Id,
            CooperatingAgencyIds = [_tax.Id],
            ReceivingPlace = ReceivingPlace,
            ResultName = "Giấy chứng nhận đã xác nhận nội dung biến động",
            LegalBases = [new LegalBasis("31/2024/QH15", "Luật Đất đai", new DateOnly(2024, 1, 18), "Quốc hội")],
            Cases =
            [
                new ProcedureCase(
                    ProcedureCase.DefaultCode,
                    "Trường hợp thông thường",
                    Channels(
                        WorkingDays(10),
                        "Không quá 10 ngày làm việc kể từ ngày nhận được hồ sơ đăng ký hợp lệ.",
                        [new Fee("Lệ phí đăng ký biến động", 30_000)],
                        Channel.InPerson, Channel.Online),
                    [
                        new RequiredDocument("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất", "Mẫu số 11/ĐK", 1, 0),
                        new RequiredDocument("Hợp đồng, văn bản về việc chuyển nhượng, tặng cho, thừa kế", null, 1, 0),
                        new RequiredDocument("Giấy chứng nhận đã cấp", null, 1, 0),
                    ],
                    [
                        new ProcedureStep(1, "Kiểm tra hồ sơ, gửi thông tin địa chính đến cơ quan thuế", _landOffice.Id, WorkingDays(5)),
                        new ProcedureStep(2, "Xác định và thông báo nghĩa vụ tài chính", _tax.Id, WorkingDays(3)),
                        new ProcedureStep(3, "Xác nhận nội dung biến động, cập nhật hồ sơ địa chính", _landOffice.Id, WorkingDays(2)),
                        new ProcedureStep(4, "Trả kết quả", _landOffice.Id, WorkingDays(0)),
                    ]),
            ],
        });

        yield return Published("1.012770.000.00.00.H48", new ProcedureContent
        {
            DecisionNumber = DecisionNumber,
            Name = "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            FieldId = _land.Id,
            LevelIds = [_province.Id],
            ProcedureType = DetailedByLaw,
            DecidingAgency = "Văn phòng Đăng ký đất đai",
            ImplementingAgencyId = _landOffice.Id,
            ReceivingPlace = ReceivingPlace,
            ResultName = "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            LegalBases = [new LegalBasis("31/2024/QH15", "Luật Đất đai", new DateOnly(2024, 1, 18), "Quốc hội")],
            Cases =
            [
                new ProcedureCase(
                    ProcedureCase.DefaultCode,
                    "Trường hợp thông thường",
                    Channels(
                        WorkingDays(7),
                        "Không quá 07 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ.",
                        [new Fee("Lệ phí cấp đổi Giấy chứng nhận", 50_000)],
                        Channel.InPerson, Channel.Online, Channel.Post),
                    [
                        new RequiredDocument("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất", "Mẫu số 11/ĐK", 1, 0),
                        new RequiredDocument("Giấy chứng nhận đã cấp", null, 1, 0),
                    ]),
            ],
        });

        yield return Published("1.014068.000.00.00.H48", new ProcedureContent
        {
            DecisionNumber = DecisionNumber,
            Name = "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
            FieldId = _foreignLabour.Id,
            LevelIds = [_province.Id],
            ProcedureType = DetailedByLaw,
            DecidingAgency = "Sở Nội vụ",
            ImplementingAgencyId = _homeAffairs.Id,
            ReceivingPlace = ReceivingPlace,
            ResultName = "Giấy phép lao động",
            LegalBases = [new LegalBasis("45/2019/QH14", "Bộ luật Lao động", new DateOnly(2019, 11, 20), "Quốc hội")],
            Cases =
            [
                new ProcedureCase(
                    ProcedureCase.DefaultCode,
                    "Cấp mới",
                    Channels(
                        WorkingDays(10),
                        "10 ngày làm việc kể từ ngày nhận đủ hồ sơ đề nghị cấp giấy phép lao động.",
                        [new Fee("Lệ phí cấp giấy phép lao động", 600_000)],
                        Channel.InPerson, Channel.Online, Channel.Post),
                    [
                        new RequiredDocument("Văn bản đề nghị cấp giấy phép lao động của người sử dụng lao động", "Mẫu số 11/PLI", 1, 0),
                        new RequiredDocument("Giấy chứng nhận sức khỏe", null, 1, 0),
                        new RequiredDocument("Phiếu lý lịch tư pháp", null, 1, 0),
                        new RequiredDocument("Hộ chiếu", null, 0, 1),
                        new RequiredDocument("02 ảnh màu 4 cm x 6 cm", null, 2, 0),
                    ]),
            ],
        });

        yield return Published("1.001978.000.00.00.H48", new ProcedureContent
        {
            DecisionNumber = DecisionNumber,
            Name = "Giải quyết hưởng trợ cấp thất nghiệp",
            FieldId = _employment.Id,
            LevelIds = [_province.Id],
            ProcedureType = DetailedByLaw,
            DecidingAgency = "Sở Nội vụ",
            ImplementingAgencyId = _homeAffairs.Id,
            ReceivingPlace = ReceivingPlace,
            ResultName = "Quyết định về việc hưởng trợ cấp thất nghiệp",
            Conditions = "Đã đóng bảo hiểm thất nghiệp từ đủ 12 tháng trở lên trong thời gian 24 tháng trước khi chấm dứt hợp đồng lao động.",
            LegalBases = [new LegalBasis("74/2025/QH15", "Luật Việc làm", new DateOnly(2025, 6, 16), "Quốc hội")],
            Cases =
            [
                new ProcedureCase(
                    ProcedureCase.DefaultCode,
                    "Trường hợp thông thường",
                    Channels(
                        new ProcessingTime(20, TimeUnit.CalendarDays),
                        "20 ngày kể từ ngày nhận đủ hồ sơ đề nghị hưởng trợ cấp thất nghiệp theo quy định.",
                        [],
                        Channel.InPerson, Channel.Online, Channel.Post),
                    [
                        new RequiredDocument("Đề nghị hưởng trợ cấp thất nghiệp", "Mẫu số 03", 1, 0),
                        new RequiredDocument("Hợp đồng lao động đã hết hạn hoặc quyết định thôi việc", null, 0, 1),
                        new RequiredDocument("Sổ bảo hiểm xã hội", null, 1, 0),
                    ]),
            ],
        });

        yield return Published("2.002160.000.00.00.H48", new ProcedureContent
        {
            DecisionNumber = DecisionNumber,
            Name = "Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)",
            FieldId = _immigration.Id,
            LevelIds = [_province.Id],
            ProcedureType = DetailedByLaw,
            DecidingAgency = "Phòng Quản lý xuất nhập cảnh, Công an tỉnh",
            ImplementingAgencyId = _police.Id,
            ReceivingPlace = "Phòng Quản lý xuất nhập cảnh Công an tỉnh H48 hoặc Cổng Dịch vụ công quốc gia.",
            ResultName = "Hộ chiếu phổ thông",
            LegalBases = [new LegalBasis("49/2019/QH14", "Luật Xuất cảnh, nhập cảnh của công dân Việt Nam", new DateOnly(2019, 11, 22), "Quốc hội")],
            Cases =
            [
                new ProcedureCase(
                    ProcedureCase.DefaultCode,
                    "Cấp lần đầu hoặc cấp đổi",
                    Channels(
                        WorkingDays(8),
                        "Không quá 08 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
                        [new Fee("Lệ phí cấp hộ chiếu phổ thông", 200_000)],
                        Channel.InPerson, Channel.Online),
                    [
                        new RequiredDocument("Tờ khai đề nghị cấp hộ chiếu phổ thông", "Mẫu TK01", 1, 0),
                        new RequiredDocument("02 ảnh chân dung 4 cm x 6 cm", null, 2, 0),
                        new RequiredDocument("Hộ chiếu phổ thông cấp lần gần nhất (nếu có)", null, 1, 0, DocumentRequirement.Conditional),
                    ]),
                new ProcedureCase(
                    "mat-hong",
                    "Cấp lại do bị mất hoặc bị hỏng",
                    Channels(
                        WorkingDays(8),
                        "Không quá 08 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
                        [new Fee("Lệ phí cấp lại hộ chiếu do bị hỏng hoặc bị mất", 400_000)],
                        Channel.InPerson),
                    [
                        new RequiredDocument("Tờ khai đề nghị cấp hộ chiếu phổ thông", "Mẫu TK01", 1, 0),
                        new RequiredDocument("Đơn báo mất hộ chiếu phổ thông", "Mẫu TK05", 1, 0),
                        new RequiredDocument("02 ảnh chân dung 4 cm x 6 cm", null, 2, 0),
                    ]),
            ],
        });

        yield return Published("3.000121.000.00.00.H48", new ProcedureContent
        {
            DecisionNumber = DecisionNumber,
            Name = "Cấp điện mới từ lưới điện hạ áp",
            FieldId = _electricity.Id,
            LevelIds = [_province.Id],
            ProcedureType = "Dịch vụ công thiết yếu",
            DecidingAgency = "Công ty Điện lực H48",
            ImplementingAgencyId = _power.Id,
            ReceivingPlace = ReceivingPlace,
            ResultName = "Hợp đồng mua bán điện và công tơ được lắp đặt",
            LegalBases = [new LegalBasis("61/2024/QH15", "Luật Điện lực", new DateOnly(2024, 11, 30), "Quốc hội")],
            Cases =
            [
                new ProcedureCase(
                    ProcedureCase.DefaultCode,
                    "Khách hàng sinh hoạt",
                    Channels(
                        WorkingDays(3),
                        "Không quá 03 ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ.",
                        [new Fee("Chi phí cấp điện", 0, "Không thu phí")],
                        Channel.InPerson, Channel.Online),
                    [
                        new RequiredDocument("Giấy đề nghị mua điện", "Mẫu giấy đề nghị mua điện", 1, 0),
                        new RequiredDocument("Giấy tờ tùy thân của người đề nghị", null, 0, 1),
                    ]),
            ],
        });

        yield return Published("3.000125.000.00.00.H48", new ProcedureContent
        {
            DecisionNumber = DecisionNumber,
            Name = "Thay đổi chủ thể hợp đồng mua bán điện",
            FieldId = _electricity.Id,
            LevelIds = [_province.Id],
            ProcedureType = "Dịch vụ công thiết yếu",
            DecidingAgency = "Công ty Điện lực H48",
            ImplementingAgencyId = _power.Id,
            ReceivingPlace = ReceivingPlace,
            ResultName = "Hợp đồng mua bán điện mới",
            SupplementMode = SupplementClockMode.Restart,
            Cases =
            [
                new ProcedureCase(
                    ProcedureCase.DefaultCode,
                    "Trường hợp thông thường",
                    Channels(
                        new ProcessingTime(8, TimeUnit.WorkingHours),
                        "Trong vòng 08 giờ làm việc kể từ khi nhận đủ hồ sơ hợp lệ.",
                        [],
                        Channel.InPerson, Channel.Online),
                    [
                        new RequiredDocument("Giấy đề nghị thay đổi chủ thể hợp đồng mua bán điện", null, 1, 0),
                        new RequiredDocument("Giấy tờ chứng minh quyền sở hữu hoặc quyền sử dụng nơi sử dụng điện", null, 0, 1),
                    ]),
            ],
        });
    }

    private ProcedureContent Enterprise(string name, string applicationName, string applicationForm) => new()
    {
        DecisionNumber = DecisionNumber,
        Name = name,
        FieldId = _enterprise.Id,
        LevelIds = [_province.Id],
        ProcedureType = DetailedByLaw,
        DecidingAgency = "Sở Tài chính (Phòng Đăng ký kinh doanh)",
        ImplementingAgencyId = _finance.Id,
        ReceivingPlace = ReceivingPlace,
        ResultName = "Giấy chứng nhận đăng ký doanh nghiệp",
        LegalBases =
        [
            new LegalBasis("59/2020/QH14", "Luật Doanh nghiệp", new DateOnly(2020, 6, 17), "Quốc hội"),
            new LegalBasis("168/2025/NĐ-CP", "Nghị định về đăng ký doanh nghiệp", new DateOnly(2025, 6, 30), "Chính phủ"),
        ],
        Cases =
        [
            new ProcedureCase(
                ProcedureCase.DefaultCode,
                "Trường hợp thông thường",
                [
                    new ChannelTerm(
                        Channel.InPerson,
                        WorkingDays(3),
                        "03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ.",
                        [new Fee("Lệ phí đăng ký doanh nghiệp", 50_000), new Fee("Phí công bố nội dung đăng ký doanh nghiệp", 100_000)]),
                    new ChannelTerm(
                        Channel.Online,
                        WorkingDays(3),
                        "03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ.",
                        [new Fee("Lệ phí đăng ký doanh nghiệp", 0, "Miễn lệ phí khi đăng ký qua mạng thông tin điện tử"), new Fee("Phí công bố nội dung đăng ký doanh nghiệp", 100_000)]),
                    new ChannelTerm(
                        Channel.Post,
                        WorkingDays(3),
                        "03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ.",
                        [new Fee("Lệ phí đăng ký doanh nghiệp", 50_000), new Fee("Phí công bố nội dung đăng ký doanh nghiệp", 100_000)]),
                ],
                [
                    new RequiredDocument(applicationName, applicationForm, 1, 0),
                    new RequiredDocument("Bản sao giấy tờ pháp lý của cá nhân là người thành lập doanh nghiệp", null, 0, 1),
                    new RequiredDocument("Văn bản ủy quyền cho người nộp hồ sơ (trường hợp ủy quyền)", null, 1, 0, DocumentRequirement.Conditional),
                ]),
        ],
    };

    private ProcedureContent Building(
        string name, ProcessingTime time, string timeText, Fee fee, string applicationName, string applicationForm) => new()
    {
        DecisionNumber = DecisionNumber,
        Name = name,
        FieldId = _building.Id,
        LevelIds = [_province.Id],
        ProcedureType = DetailedByLaw,
        DecidingAgency = "Sở Xây dựng",
        ImplementingAgencyId = _construction.Id,
        ReceivingPlace = ReceivingPlace,
        ResultName = "Giấy phép xây dựng",
        // Under the construction law an incomplete dossier is returned for completion and the period runs again.
        SupplementMode = SupplementClockMode.Restart,
        LegalBases = [new LegalBasis("50/2014/QH13", "Luật Xây dựng", new DateOnly(2014, 6, 18), "Quốc hội")],
        Cases =
        [
            new ProcedureCase(
                ProcedureCase.DefaultCode,
                "Trường hợp thông thường",
                Channels(time, timeText, [fee], Channel.InPerson, Channel.Online),
                [
                    new RequiredDocument(applicationName, applicationForm, 1, 0),
                    new RequiredDocument("Giấy tờ hợp pháp về đất đai", null, 0, 1),
                    new RequiredDocument("Bản vẽ thiết kế xây dựng", null, 2, 0),
                ]),
        ],
    };

    private static ProcessingTime WorkingDays(int amount) => new(amount, TimeUnit.WorkingDays);

    /// <summary>The same time and fees for each listed channel, as most published procedures give them.</summary>
    private static ChannelTerm[] Channels(ProcessingTime time, string timeText, Fee[] fees, params Channel[] channels) =>
        [.. channels.Select(channel => new ChannelTerm(channel, time, timeText, fees))];

    private static Procedure Published(string code, ProcedureContent content)
    {
        var procedure = Procedure.Create(code, content);
        procedure.Publish(EffectiveFrom);
        return procedure;
    }
}
