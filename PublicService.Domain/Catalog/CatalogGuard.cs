using System.Text.RegularExpressions;

namespace PublicService.Domain.Catalog;

/// <summary>The checks every catalog constructor and verb repeats, so their messages read the same everywhere.</summary>
internal static partial class CatalogGuard
{
    /// <summary>Trims <paramref name="value"/>; refuses it when empty or longer than <paramref name="maxLength"/>.</summary>
    public static string Required(string? value, int maxLength, string label, string field)
    {
        var trimmed = (value ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException("catalog.required", $"{label} không được để trống.", field);
        }

        return MaxLength(trimmed, maxLength, label, field);
    }

    /// <summary>Trims <paramref name="value"/> (null becomes empty); refuses it when longer than <paramref name="maxLength"/>.</summary>
    public static string Optional(string? value, int maxLength, string label, string field) =>
        MaxLength((value ?? "").Trim(), maxLength, label, field);

    /// <summary>
    /// A reference-data code: letters, digits, dots, dashes and underscores, e.g. <c>000.00.53.H48</c> or <c>H48.15</c>.
    /// Letters are upper-cased so that codes compare the same however they were typed.
    /// </summary>
    public static string Code(string? value, int maxLength, string label, string field)
    {
        var code = Required(value, maxLength, label, field).ToUpperInvariant();
        if (!CodeShape().IsMatch(code))
        {
            throw new DomainException(
                "catalog.code-invalid",
                $"{label} \"{code}\" chỉ được gồm chữ, số và các dấu . - _ (ví dụ 000.00.53.H48).",
                field);
        }

        return code;
    }

    /// <summary>Refuses an id that cannot reference a stored row.</summary>
    public static int Id(int id, string label, string field) =>
        id > 0 ? id : throw new DomainException("catalog.reference-required", $"Chưa chọn {label}.", field);

    private static string MaxLength(string value, int maxLength, string label, string field) =>
        value.Length <= maxLength
            ? value
            : throw new DomainException("catalog.too-long", $"{label} dài quá {maxLength} ký tự.", field);

    [GeneratedRegex(@"^[0-9A-Z]+([.\-_][0-9A-Z]+)*$")]
    private static partial Regex CodeShape();
}
