using System.Globalization;
using System.Text;

namespace PublicService.Domain;

/// <summary>Helpers for Vietnamese text that the catalog and search share.</summary>
public static class VietnameseText
{
    /// <summary>
    /// Lower-cases <paramref name="text"/>, removes Vietnamese diacritics (đ becomes d) and collapses white space,
    /// so that "Đăng ký  Hộ tịch" and "dang ky ho tich" compare equal. Used for the indexed search columns.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            // đ/Đ is a letter of its own, not d plus a mark, so decomposition leaves it alone.
            builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
