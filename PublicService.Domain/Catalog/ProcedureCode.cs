using System.Text.RegularExpressions;

namespace PublicService.Domain.Catalog;

/// <summary>
/// A procedure code (mã thủ tục): the national form <c>X.NNNNNN</c> (e.g. <c>1.001193</c>) or a province's localized
/// form, the national code followed by dot-separated segments (e.g. <c>1.001612.000.00.00.H48</c>).
/// </summary>
public sealed partial record ProcedureCode
{
    /// <summary>Longest code accepted; reused by the EF mapping of <see cref="Procedure.Code"/>.</summary>
    public const int MaxLength = Procedure.CodeMaxLength;

    private ProcedureCode(string value) => Value = value;

    /// <summary>The normalized code (trimmed, letters upper-case).</summary>
    public string Value { get; }

    /// <summary>The national part, <c>X.NNNNNN</c>.</summary>
    public string National => Value[..8];

    /// <summary>Whether the code carries a provincial suffix.</summary>
    public bool IsLocalized => Value.Length > 8;

    /// <summary>Parses a procedure code; throws <see cref="DomainException"/> naming the expected forms.</summary>
    public static ProcedureCode Parse(string? text)
    {
        var value = (text ?? "").Trim().ToUpperInvariant();
        if (value.Length == 0)
        {
            throw new DomainException("catalog.procedure.code-required", "Mã thủ tục không được để trống.", "Code");
        }

        if (value.Length > MaxLength)
        {
            throw new DomainException(
                "catalog.procedure.code-too-long", $"Mã thủ tục dài quá {MaxLength} ký tự.", "Code");
        }

        if (!Shape().IsMatch(value))
        {
            throw new DomainException(
                "catalog.procedure.code-invalid",
                $"Mã thủ tục \"{value}\" không đúng dạng: cần dạng quốc gia X.NNNNNN (ví dụ 1.001193) "
                + "hoặc dạng địa phương có hậu tố (ví dụ 1.001612.000.00.00.H48).",
                "Code");
        }

        return new ProcedureCode(value);
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex(@"^\d\.\d{6}(\.[0-9A-Z]+)*$")]
    private static partial Regex Shape();
}
