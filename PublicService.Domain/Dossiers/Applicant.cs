namespace PublicService.Domain.Dossiers;

public enum ApplicantKind
{
    Person = 1,
    Organisation = 2,
}

/// <summary>Who filed the dossier (người nộp / tổ chức). Validated on creation.</summary>
public sealed record Applicant
{
    public const int NameMaxLength = 200;
    public const int IdNumberMaxLength = 20;
    public const int PhoneMaxLength = 20;
    public const int AddressMaxLength = 300;

    private Applicant() { Name = ""; NameSearch = ""; IdNumber = ""; }

    public Applicant(ApplicantKind kind, string name, string idNumber, string? phone = null, string? address = null)
    {
        Kind = kind;
        Name = Required(name, NameMaxLength, "Applicant.Name", "Họ tên người nộp");
        IdNumber = Required(idNumber, IdNumberMaxLength, "Applicant.IdNumber", kind == ApplicantKind.Person ? "Số định danh cá nhân" : "Mã số doanh nghiệp/tổ chức");
        if (!IdNumber.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw new DomainException("dossier.applicant.id-format", "Số giấy tờ chỉ gồm chữ số, chữ cái và dấu gạch ngang.", "Applicant.IdNumber");
        Phone = Optional(phone, PhoneMaxLength, "Applicant.Phone", "Số điện thoại");
        if (Phone is not null && !Phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '.'))
            throw new DomainException("dossier.applicant.phone-format", "Số điện thoại chỉ gồm chữ số.", "Applicant.Phone");
        Address = Optional(address, AddressMaxLength, "Applicant.Address", "Địa chỉ");
        NameSearch = VietnameseText.Fold(Name);
    }

    public ApplicantKind Kind { get; private init; }
    public string Name { get; private init; }
    /// <summary>The name folded for diacritic-insensitive search ("Nguyễn Văn An" → "nguyen van an").</summary>
    public string NameSearch { get; private init; }
    public string IdNumber { get; private init; }
    public string? Phone { get; private init; }
    public string? Address { get; private init; }

    /// <summary>The name as shown to the public: initials but the given name ("N. V. An").</summary>
    public string MaskedName()
    {
        var parts = Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length <= 1
            ? Name
            : string.Join(' ', parts[..^1].Select(p => p[0] + ".").Append(parts[^1]));
    }

    private static string Required(string? value, int maxLength, string field, string label)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new DomainException("dossier.applicant.required", $"{label} không được để trống.", field);
        return CheckLength(trimmed, maxLength, field, label);
    }

    private static string? Optional(string? value, int maxLength, string field, string label)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : CheckLength(trimmed, maxLength, field, label);
    }

    private static string CheckLength(string value, int maxLength, string field, string label) =>
        value.Length <= maxLength
            ? value
            : throw new DomainException("dossier.applicant.too-long", $"{label} dài quá {maxLength} ký tự.", field);
}
