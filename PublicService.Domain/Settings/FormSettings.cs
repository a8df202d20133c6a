using System.Text.RegularExpressions;

namespace PublicService.Domain.Settings;

/// <summary>
/// The printed forms of the one-stop shop, numbered as in Thông tư 01/2018/TT-VPCP (Mẫu 01–06). The numbers and
/// titles are configuration (<see cref="FormSettings"/>), because a later circular renumbers them.
/// </summary>
public enum FormKind
{
    Receipt = 1,
    SupplementRequest = 2,
    Refusal = 3,
    Apology = 4,
    ControlSheet = 5,
    LogBook = 6,
}

/// <summary>One form's number (printed as "Mẫu số …") and title.</summary>
public sealed record FormTitle(FormKind Kind, string Number, string Title);

/// <summary>
/// What the printed forms say about who issues them: the governing authority (first line of the header), the
/// centre's name (second line, and in sentences), the place in "…, ngày … tháng … năm …", and each form's number
/// and title. Stored in <see cref="CenterSettings"/> as one JSON value; the defaults are the demo centre's texts.
/// </summary>
public sealed partial record FormSettings
{
    public const int AuthorityMaxLength = 120;
    public const int CenterNameMaxLength = 200;
    public const int PlaceMaxLength = 60;
    public const int NumberMaxLength = 10;
    public const int TitleMaxLength = 200;

    /// <summary>The governing authority, e.g. "UBND TỈNH H48" (printed as written).</summary>
    public string Authority { get; init; } = "UBND TỈNH H48";

    /// <summary>The centre's name as the header prints it (in capitals), e.g. "Trung tâm Phục vụ hành chính công".</summary>
    public string CenterName { get; init; } = "Trung tâm Phục vụ hành chính công";

    /// <summary>The centre's full name in sentences, e.g. "Trung tâm Phục vụ hành chính công tỉnh H48".</summary>
    public string CenterFullName { get; init; } = "Trung tâm Phục vụ hành chính công tỉnh H48";

    /// <summary>The place name before the date: "H48, ngày 05 tháng 03 năm 2026".</summary>
    public string Place { get; init; } = "H48";

    public IReadOnlyList<FormTitle> Forms { get; init; } = DefaultForms;

    public static IReadOnlyList<FormTitle> DefaultForms { get; } =
    [
        new(FormKind.Receipt, "01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
        new(FormKind.SupplementRequest, "02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
        new(FormKind.Refusal, "03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"),
        new(FormKind.Apology, "04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"),
        new(FormKind.ControlSheet, "05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
        new(FormKind.LogBook, "06", "SỔ THEO DÕI HỒ SƠ"),
    ];

    public static FormSettings Default { get; } = new();

    /// <summary>The entry for <paramref name="kind"/>; the default one when a stored value lacks it.</summary>
    public FormTitle Form(FormKind kind) =>
        Forms.FirstOrDefault(f => f.Kind == kind) ?? DefaultForms.First(f => f.Kind == kind);

    /// <summary>"H48, ngày 05 tháng 03 năm 2026": the place and date line of a form.</summary>
    public string DateLine(DateOnly date) => $"{Place}, ngày {date.Day:00} tháng {date.Month:00} năm {date.Year}";

    /// <summary>The same values trimmed, in form-number order; what <see cref="CenterSettings.ChangeForms"/> stores.</summary>
    public FormSettings Normalized() => this with
    {
        Authority = Authority?.Trim() ?? "",
        CenterName = CenterName?.Trim() ?? "",
        CenterFullName = CenterFullName?.Trim() ?? "",
        Place = Place?.Trim() ?? "",
        Forms = (Forms ?? []).Select(f => f with { Number = f.Number?.Trim() ?? "", Title = f.Title?.Trim() ?? "" }).OrderBy(f => f.Kind).ToList(),
    };

    /// <summary>Why these settings cannot be printed on the forms, naming the field; empty when valid.</summary>
    public IReadOnlyList<DomainError> Validate()
    {
        var errors = new List<DomainError>();
        Text(errors, Authority, nameof(Authority), "Cơ quan chủ quản", AuthorityMaxLength);
        Text(errors, CenterName, nameof(CenterName), "Tên trung tâm (dòng tiêu đề)", CenterNameMaxLength);
        Text(errors, CenterFullName, nameof(CenterFullName), "Tên đầy đủ của trung tâm", CenterNameMaxLength);
        Text(errors, Place, nameof(Place), "Địa danh ghi ngày tháng", PlaceMaxLength);
        var forms = Forms ?? [];
        foreach (var kind in Enum.GetValues<FormKind>())
        {
            var entries = forms.Where(f => f.Kind == kind).ToList();
            var field = $"Forms[{kind}]";
            if (entries.Count != 1)
            {
                errors.Add(new DomainError("settings.forms.kind-count",
                    $"Mẫu {(int)kind:00} phải có đúng một dòng cấu hình (đang có {entries.Count}).", field));
                continue;
            }
            var form = entries[0];
            var label = $"Mẫu {(int)kind:00}";
            var number = form.Number?.Trim() ?? "";
            if (number.Length == 0)
                errors.Add(new DomainError("settings.forms.number-required", $"{label}: số mẫu không được để trống.", field + ".Number"));
            else if (number.Length > NumberMaxLength || !NumberPattern().IsMatch(number))
                errors.Add(new DomainError("settings.forms.number-invalid",
                    $"{label}: số mẫu “{number}” không hợp lệ (tối đa {NumberMaxLength} ký tự: chữ, số, dấu chấm, gạch ngang hoặc gạch chéo).", field + ".Number"));
            Text(errors, form.Title, field + ".Title", $"{label}: tên mẫu", TitleMaxLength);
        }
        foreach (var duplicate in forms.Where(f => !string.IsNullOrWhiteSpace(f.Number))
                     .GroupBy(f => f.Number.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new DomainError("settings.forms.number-duplicate",
                $"Số mẫu “{duplicate.Key}” bị dùng cho nhiều mẫu: {string.Join(", ", duplicate.Select(f => $"Mẫu {(int)f.Kind:00}"))}.",
                $"Forms[{duplicate.Last().Kind}].Number"));
        }
        return errors;
    }

    /// <summary>Equal when every printed text is the same (the record's own equality compares the list by reference).</summary>
    public bool SameAs(FormSettings other) =>
        Authority == other.Authority && CenterName == other.CenterName && CenterFullName == other.CenterFullName
        && Place == other.Place && Forms.SequenceEqual(other.Forms);

    private static void Text(List<DomainError> errors, string? value, string field, string label, int max)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
            errors.Add(new DomainError("settings.forms.required", $"{label} không được để trống.", field));
        else if (trimmed.Length > max)
            errors.Add(new DomainError("settings.forms.too-long", $"{label} dài quá {max} ký tự ({trimmed.Length}).", field));
        else if (trimmed.Any(char.IsControl))
            errors.Add(new DomainError("settings.forms.control-character", $"{label} không được chứa ký tự điều khiển hoặc xuống dòng.", field));
    }

    [GeneratedRegex(@"^[\p{L}\p{N}./\-]+$")]
    private static partial Regex NumberPattern();
}
