namespace PublicService.Domain.Catalog;

/// <summary>One difference between two versions: what changed (a Vietnamese label) and its text before and after.</summary>
/// <remarks>Lists (documents, fees, steps, legal bases) compare as a whole, one line per item.</remarks>
public sealed record ContentChange(string Label, string Before, string After);

/// <summary>The names behind the ids a version references, so that differences read as names.</summary>
public sealed record CatalogNames(
    IReadOnlyDictionary<int, string> Fields,
    IReadOnlyDictionary<int, string> Agencies,
    IReadOnlyDictionary<int, string> Levels)
{
    public string Field(int id) => Fields.GetValueOrDefault(id, $"#{id}");
    public string Agency(int id) => Agencies.GetValueOrDefault(id, $"#{id}");
    public string Level(int id) => Levels.GetValueOrDefault(id, $"#{id}");
}

/// <summary>
/// Field-by-field comparison of two versions' content, for the editor's "what did this decision change" view.
/// Cases are matched by code and channels by channel; everything is compared as the text a reader would see.
/// </summary>
public static class ProcedureDiff
{
    /// <summary>The differences from <paramref name="before"/> to <paramref name="after"/>, in reading order; empty when equal.</summary>
    public static IReadOnlyList<ContentChange> Compare(ProcedureContent before, ProcedureContent after, CatalogNames names)
    {
        var changes = new List<ContentChange>();
        void Add(string label, string old, string @new)
        {
            if (!string.Equals(old, @new, StringComparison.Ordinal))
            {
                changes.Add(new ContentChange(label, old, @new));
            }
        }

        Add("Số quyết định công bố", before.DecisionNumber, after.DecisionNumber);
        Add("Tên thủ tục", before.Name, after.Name);
        Add("Lĩnh vực", names.Field(before.FieldId), names.Field(after.FieldId));
        Add("Cấp thực hiện", Join(before.LevelIds.Select(names.Level)), Join(after.LevelIds.Select(names.Level)));
        Add("Loại hình", Kind(before.Kind), Kind(after.Kind));
        Add("Loại thủ tục", before.ProcedureType, after.ProcedureType);
        Add("Cơ quan có thẩm quyền quyết định", before.DecidingAgency, after.DecidingAgency);
        Add("Cơ quan thực hiện", names.Agency(before.ImplementingAgencyId), names.Agency(after.ImplementingAgencyId));
        Add("Cơ quan phối hợp", Join(before.CooperatingAgencyIds.Select(names.Agency)), Join(after.CooperatingAgencyIds.Select(names.Agency)));
        Add("Địa chỉ tiếp nhận hồ sơ", before.ReceivingPlace, after.ReceivingPlace);
        Add("Kết quả thực hiện", before.ResultName, after.ResultName);
        Add("Yêu cầu, điều kiện thực hiện", before.Conditions, after.Conditions);
        Add("Căn cứ pháp lý", Lines(before.LegalBases.Select(Basis)), Lines(after.LegalBases.Select(Basis)));
        Add("Khi yêu cầu bổ sung hồ sơ", Mode(before.SupplementMode), Mode(after.SupplementMode));
        Add("Ngưỡng cảnh báo riêng", Alert(before), Alert(after));

        foreach (var code in before.Cases.Select(c => c.Code).Union(after.Cases.Select(c => c.Code)))
        {
            var old = before.Cases.FirstOrDefault(c => c.Code == code);
            var @new = after.Cases.FirstOrDefault(c => c.Code == code);
            var label = $"Trường hợp \"{(@new ?? old)!.Name}\"";
            if (old is null || @new is null)
            {
                Add(label, old is null ? "" : "có", @new is null ? "" : "có");
                continue;
            }

            Add($"{label}: tên", old.Name, @new.Name);
            foreach (var channel in old.Channels.Select(c => c.Channel).Union(@new.Channels.Select(c => c.Channel)))
            {
                var was = old.TermsOf(channel);
                var @is = @new.TermsOf(channel);
                var channelLabel = $"{label}, {CatalogText.Describe(channel)}";
                Add($"{channelLabel}: thời hạn", was is null ? "" : CatalogText.Describe(was.Time), @is is null ? "" : CatalogText.Describe(@is.Time));
                Add($"{channelLabel}: thời hạn (nguyên văn)", was?.TimeText ?? "", @is?.TimeText ?? "");
                Add($"{channelLabel}: phí, lệ phí", Lines(was?.Fees.Select(FeeLine) ?? []), Lines(@is?.Fees.Select(FeeLine) ?? []));
            }

            Add($"{label}: thành phần hồ sơ", Lines(old.Documents.Select(DocumentLine)), Lines(@new.Documents.Select(DocumentLine)));
            Add($"{label}: các bước", Lines(old.Steps.Select(s => StepLine(s, names))), Lines(@new.Steps.Select(s => StepLine(s, names))));
        }

        return changes;
    }

    private static string Join(IEnumerable<string> items) => string.Join(", ", items);

    private static string Lines(IEnumerable<string> items) => string.Join("\n", items);

    private static string Kind(ProcedureKind kind) => kind == ProcedureKind.Interconnected ? "Liên thông" : "Một cửa";

    private static string Mode(SupplementClockMode mode) =>
        mode == SupplementClockMode.Restart ? "Tính lại từ đầu" : "Tạm dừng, cộng thêm thời gian chờ";

    private static string Alert(ProcedureContent content) => content.AlertOverride is not { } alert
        ? "Theo ngưỡng chung"
        : Join(new[]
        {
            alert.RemainingWorkingMinutes is { } minutes ? $"còn ≤ {minutes} phút làm việc" : null,
            alert.UsedPercent is { } percent ? $"đã dùng ≥ {percent}%" : null,
        }.OfType<string>());

    private static string Basis(LegalBasis basis) => $"{basis.Number} — {basis.Title}";

    private static string FeeLine(Fee fee) =>
        fee.Note is null ? $"{fee.Name}: {CatalogText.Money(fee.Amount)}" : $"{fee.Name}: {CatalogText.Money(fee.Amount)} ({fee.Note})";

    private static string DocumentLine(RequiredDocument document) =>
        $"{document.Name}{(document.TemplateName is null ? "" : $" ({document.TemplateName})")}: {document.Originals} bản chính, "
        + $"{document.Copies} bản sao{(document.Requirement == DocumentRequirement.Conditional ? ", tùy trường hợp" : "")}";

    private static string StepLine(ProcedureStep step, CatalogNames names) =>
        $"{step.Order}. {step.Name} — {names.Agency(step.AgencyId)}, {CatalogText.Describe(step.Share)}";
}
