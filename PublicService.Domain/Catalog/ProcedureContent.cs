using System.Text.RegularExpressions;
using PublicService.Domain.Calendar;
using PublicService.Domain.Monitoring;

namespace PublicService.Domain.Catalog;

/// <summary>
/// Everything one version of a procedure says, as one value: what <see cref="Procedure.Create"/> and
/// <see cref="Procedure.UpdateDraft"/> take, and what <see cref="ProcedureVersion.ToContent"/> gives back for editing
/// (change it with <c>with</c>). <see cref="Validate"/> holds every rule of a version's content.
/// </summary>
public sealed partial record ProcedureContent
{
    public const int DecisionNumberMaxLength = 100;
    public const int NameMaxLength = 1000;
    public const int ProcedureTypeMaxLength = 200;
    public const int DecidingAgencyMaxLength = 500;
    public const int ReceivingPlaceMaxLength = 1000;
    public const int ResultNameMaxLength = 500;
    public const int ConditionsMaxLength = 8000;

    /// <summary>Số quyết định công bố, e.g. "1234/QĐ-UBND".</summary>
    public required string DecisionNumber { get; init; }

    /// <summary>Tên thủ tục.</summary>
    public required string Name { get; init; }

    /// <summary>The <see cref="Field"/> (lĩnh vực).</summary>
    public required int FieldId { get; init; }

    /// <summary>The <see cref="Level"/>s that carry the procedure out; at least one.</summary>
    public required IReadOnlyList<int> LevelIds { get; init; }

    public ProcedureKind Kind { get; init; } = ProcedureKind.OneStop;

    /// <summary>Loại thủ tục as published (e.g. "TTHC được luật giao quy định chi tiết"), free text.</summary>
    public string ProcedureType { get; init; } = "";

    /// <summary>Cơ quan có thẩm quyền quyết định, as published.</summary>
    public string DecidingAgency { get; init; } = "";

    /// <summary>The <see cref="Agency"/> that carries the procedure out (cơ quan thực hiện).</summary>
    public required int ImplementingAgencyId { get; init; }

    /// <summary>Cơ quan phối hợp.</summary>
    public IReadOnlyList<int> CooperatingAgencyIds { get; init; } = [];

    /// <summary>Địa chỉ tiếp nhận hồ sơ, as published.</summary>
    public string ReceivingPlace { get; init; } = "";

    /// <summary>Kết quả thực hiện, e.g. "Phiếu lý lịch tư pháp".</summary>
    public required string ResultName { get; init; }

    /// <summary>Yêu cầu, điều kiện thực hiện.</summary>
    public string Conditions { get; init; } = "";

    /// <summary>Căn cứ pháp lý.</summary>
    public IReadOnlyList<LegalBasis> LegalBases { get; init; } = [];

    /// <summary>What a supplement request does to the clock.</summary>
    public SupplementClockMode SupplementMode { get; init; } = SupplementClockMode.Pause;

    /// <summary>Approaching-deadline thresholds for this procedure; null uses the centre's defaults.</summary>
    public AlertThresholds? AlertOverride { get; init; }

    /// <summary>The cases; the first is the default one shown in lists.</summary>
    public required IReadOnlyList<ProcedureCase> Cases { get; init; }

    /// <summary>
    /// Checks every rule of a version's content and returns it tidied (trimmed texts, distinct ids). Throws
    /// <see cref="DomainException"/> with a Vietnamese message naming the first field or row at fault.
    /// </summary>
    public ProcedureContent Validate()
    {
        var content = this with
        {
            DecisionNumber = CatalogGuard.Required(
                DecisionNumber, DecisionNumberMaxLength, "Số quyết định công bố", nameof(DecisionNumber)),
            Name = CatalogGuard.Required(Name, NameMaxLength, "Tên thủ tục", nameof(Name)),
            FieldId = CatalogGuard.Id(FieldId, "lĩnh vực", nameof(FieldId)),
            LevelIds = ValidLevels(LevelIds),
            ProcedureType = CatalogGuard.Optional(
                ProcedureType, ProcedureTypeMaxLength, "Loại thủ tục", nameof(ProcedureType)),
            DecidingAgency = CatalogGuard.Optional(
                DecidingAgency, DecidingAgencyMaxLength, "Cơ quan có thẩm quyền quyết định", nameof(DecidingAgency)),
            ImplementingAgencyId = CatalogGuard.Id(ImplementingAgencyId, "cơ quan thực hiện", nameof(ImplementingAgencyId)),
            CooperatingAgencyIds = [.. (CooperatingAgencyIds ?? [])
                .Select(id => CatalogGuard.Id(id, "cơ quan phối hợp", nameof(CooperatingAgencyIds))).Distinct()],
            ReceivingPlace = CatalogGuard.Optional(
                ReceivingPlace, ReceivingPlaceMaxLength, "Địa chỉ tiếp nhận hồ sơ", nameof(ReceivingPlace)),
            ResultName = CatalogGuard.Required(ResultName, ResultNameMaxLength, "Kết quả thực hiện", nameof(ResultName)),
            Conditions = CatalogGuard.Optional(Conditions, ConditionsMaxLength, "Yêu cầu, điều kiện", nameof(Conditions)),
            LegalBases = [.. (LegalBases ?? []).Select(ValidLegalBasis)],
        };

        if (!Enum.IsDefined(Kind))
        {
            throw new DomainException("catalog.procedure.kind-invalid", "Loại hình liên thông không hợp lệ.", nameof(Kind));
        }

        if (!Enum.IsDefined(SupplementMode))
        {
            throw new DomainException(
                "catalog.procedure.supplement-mode-invalid", "Cách tính thời hạn khi bổ sung hồ sơ không hợp lệ.",
                nameof(SupplementMode));
        }

        AlertOverride?.Validated(nameof(AlertOverride));
        ValidateCases(Cases, Kind);
        return content;
    }

    private static List<int> ValidLevels(IReadOnlyList<int>? levelIds)
    {
        var ids = (levelIds ?? []).Select(id => CatalogGuard.Id(id, "cấp thực hiện", nameof(LevelIds))).Distinct().ToList();
        return ids.Count > 0
            ? ids
            : throw new DomainException("catalog.procedure.level-required", "Chưa chọn cấp thực hiện.", nameof(LevelIds));
    }

    private static LegalBasis ValidLegalBasis(LegalBasis basis, int index)
    {
        var row = $"Căn cứ pháp lý dòng {index + 1}";
        var field = $"{nameof(LegalBases)}[{index}]";
        CatalogGuard.Required(basis.Number, LegalBasis.NumberMaxLength, $"{row}: số hiệu văn bản", $"{field}.Number");
        CatalogGuard.Required(basis.Title, LegalBasis.TitleMaxLength, $"{row}: trích yếu", $"{field}.Title");
        CatalogGuard.Optional(basis.Issuer, LegalBasis.IssuerMaxLength, $"{row}: cơ quan ban hành", $"{field}.Issuer");
        return basis;
    }

    private static void ValidateCases(IReadOnlyList<ProcedureCase>? cases, ProcedureKind kind)
    {
        if (cases is null || cases.Count == 0)
        {
            throw new DomainException(
                "catalog.procedure.case-required", "Thủ tục phải có ít nhất một trường hợp.", nameof(Cases));
        }

        var codes = new HashSet<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var @case = cases[i];
            var field = $"{nameof(Cases)}[{i}]";
            var label = $"Trường hợp {i + 1}";
            CatalogGuard.Required(@case.Name, ProcedureCase.NameMaxLength, $"{label}: tên trường hợp", $"{field}.Name");
            label = $"Trường hợp {i + 1} ({@case.Name})";

            if (@case.Code.Length == 0 || @case.Code.Length > ProcedureCase.CodeMaxLength || !CaseCodeShape().IsMatch(@case.Code))
            {
                throw new DomainException(
                    "catalog.procedure.case-code-invalid",
                    $"{label}: mã trường hợp \"{@case.Code}\" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang "
                    + $"(ví dụ default, xac-minh), tối đa {ProcedureCase.CodeMaxLength} ký tự.",
                    $"{field}.Code");
            }

            if (!codes.Add(@case.Code))
            {
                throw new DomainException(
                    "catalog.procedure.case-code-duplicate", $"{label}: mã trường hợp \"{@case.Code}\" bị trùng.",
                    $"{field}.Code");
            }

            ValidateChannels(@case, label, field);
            ValidateDocuments(@case, label, field);
            ValidateSteps(@case, kind, label, field);
        }
    }

    private static void ValidateChannels(ProcedureCase @case, string label, string field)
    {
        if (@case.Channels.Count == 0)
        {
            throw new DomainException(
                "catalog.procedure.channel-required", $"{label}: chưa có cách thức thực hiện nào.", $"{field}.Channels");
        }

        var seen = new HashSet<Channel>();
        for (var c = 0; c < @case.Channels.Count; c++)
        {
            var term = @case.Channels[c];
            var termField = $"{field}.Channels[{c}]";
            if (!Enum.IsDefined(term.Channel))
            {
                throw new DomainException(
                    "catalog.procedure.channel-invalid", $"{label}: cách thức thực hiện không hợp lệ.", $"{termField}.Channel");
            }

            var termLabel = $"{label}, cách thức {CatalogText.Describe(term.Channel)}";
            if (!seen.Add(term.Channel))
            {
                throw new DomainException(
                    "catalog.procedure.channel-duplicate", $"{termLabel}: khai báo trùng.", $"{termField}.Channel");
            }

            ValidateTime(term.Time, termLabel, $"{termField}.Time");
            CatalogGuard.Required(
                term.TimeText, ChannelTerm.TimeTextMaxLength, $"{termLabel}: thời hạn giải quyết (nguyên văn)",
                $"{termField}.TimeText");

            for (var f = 0; f < term.Fees.Count; f++)
            {
                var fee = term.Fees[f];
                var feeLabel = $"{termLabel}, phí/lệ phí dòng {f + 1}";
                var feeField = $"{termField}.Fees[{f}]";
                CatalogGuard.Required(fee.Name, Fee.NameMaxLength, $"{feeLabel}: tên", $"{feeField}.Name");
                CatalogGuard.Optional(fee.Note, Fee.NoteMaxLength, $"{feeLabel}: ghi chú", $"{feeField}.Note");
                if (fee.Amount < 0)
                {
                    throw new DomainException(
                        "catalog.procedure.fee-negative", $"{feeLabel}: số tiền không được âm ({CatalogText.Money(fee.Amount)}).",
                        $"{feeField}.Amount");
                }
            }
        }
    }

    private static void ValidateTime(ProcessingTime? time, string label, string field)
    {
        if (time is null || !Enum.IsDefined(time.Unit))
        {
            throw new DomainException(
                "catalog.procedure.time-required", $"{label}: chưa có thời hạn giải quyết.", field);
        }

        if (time.Unit == TimeUnit.SameDay ? time.Amount != 0 : time.Amount <= 0)
        {
            throw new DomainException(
                "catalog.procedure.time-invalid",
                time.Unit == TimeUnit.SameDay
                    ? $"{label}: thời hạn \"trong ngày\" không kèm số lượng."
                    : $"{label}: thời hạn giải quyết phải lớn hơn 0.",
                field);
        }
    }

    private static void ValidateDocuments(ProcedureCase @case, string label, string field)
    {
        for (var d = 0; d < @case.Documents.Count; d++)
        {
            var document = @case.Documents[d];
            var documentLabel = $"{label}, thành phần hồ sơ dòng {d + 1}";
            var documentField = $"{field}.Documents[{d}]";
            CatalogGuard.Required(document.Name, RequiredDocument.NameMaxLength, $"{documentLabel}: tên giấy tờ", $"{documentField}.Name");
            CatalogGuard.Optional(
                document.TemplateName, RequiredDocument.TemplateNameMaxLength, $"{documentLabel}: mẫu đơn, tờ khai",
                $"{documentField}.TemplateName");
            if (document.Originals < 0 || document.Copies < 0 || document.Originals + document.Copies == 0)
            {
                throw new DomainException(
                    "catalog.procedure.document-count",
                    $"{documentLabel}: số bản chính và số bản sao không được âm và phải có ít nhất một bản.",
                    $"{documentField}.Originals");
            }

            if (!Enum.IsDefined(document.Requirement))
            {
                throw new DomainException(
                    "catalog.procedure.document-requirement", $"{documentLabel}: tính bắt buộc không hợp lệ.",
                    $"{documentField}.Requirement");
            }
        }
    }

    private static void ValidateSteps(ProcedureCase @case, ProcedureKind kind, string label, string field)
    {
        var steps = @case.Steps;
        if (kind == ProcedureKind.OneStop)
        {
            if (steps.Count > 0)
            {
                throw new DomainException(
                    "catalog.procedure.steps-one-stop",
                    $"{label}: thủ tục một cơ quan thực hiện không khai báo các bước liên thông.", $"{field}.Steps");
            }

            return;
        }

        if (steps.Count == 0)
        {
            throw new DomainException(
                "catalog.procedure.steps-required",
                $"{label}: thủ tục liên thông phải có các bước và cơ quan thực hiện từng bước.", $"{field}.Steps");
        }

        for (var s = 0; s < steps.Count; s++)
        {
            var step = steps[s];
            var stepLabel = $"{label}, bước {s + 1}";
            var stepField = $"{field}.Steps[{s}]";
            if (step.Order != s + 1)
            {
                throw new DomainException(
                    "catalog.procedure.step-order",
                    $"{label}: các bước phải đánh số liên tục từ 1 (bước thứ {s + 1} đang mang số {step.Order}).",
                    $"{stepField}.Order");
            }

            CatalogGuard.Required(step.Name, ProcedureStep.NameMaxLength, $"{stepLabel}: tên bước", $"{stepField}.Name");
            if (step.AgencyId <= 0)
            {
                throw new DomainException(
                    "catalog.reference-required", $"{stepLabel}: chưa chọn cơ quan thực hiện.", $"{stepField}.AgencyId");
            }

            if (step.Share is null || step.Share.Amount < 0)
            {
                throw new DomainException(
                    "catalog.procedure.step-share", $"{stepLabel}: thời gian của bước không được âm.", $"{stepField}.Share");
            }
        }

        // Steps belong to the case, but each channel may publish its own total: the split must fit every one.
        foreach (var term in @case.Channels)
        {
            var termLabel = $"{label}, cách thức {CatalogText.Describe(term.Channel)}";
            var wrongUnit = steps.FirstOrDefault(s => s.Share.Unit != term.Time.Unit);
            if (wrongUnit is not null)
            {
                throw new DomainException(
                    "catalog.procedure.step-unit",
                    $"{termLabel}: thời gian bước {wrongUnit.Order} ({CatalogText.Describe(wrongUnit.Share)}) phải cùng "
                    + $"đơn vị với thời hạn giải quyết ({CatalogText.Describe(term.Time)}).",
                    $"{field}.Steps[{wrongUnit.Order - 1}].Share");
            }

            var sum = new ProcessingTime(steps.Sum(s => s.Share.Amount), term.Time.Unit);
            if (sum.Amount != term.Time.Amount)
            {
                throw new DomainException(
                    "catalog.procedure.step-sum",
                    $"{termLabel}: tổng thời gian các bước ({CatalogText.Describe(sum)}) khác thời hạn giải quyết "
                    + $"({CatalogText.Describe(term.Time)}).",
                    $"{field}.Steps");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CaseCodeShape();
}
