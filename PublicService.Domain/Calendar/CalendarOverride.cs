namespace PublicService.Domain.Calendar;

public enum CalendarOverrideKind
{
    /// <summary>An extra day off decreed for the year (e.g. a Tết bridge day).</summary>
    DayOff = 1,
    /// <summary>A day that becomes a working day: a removed day off, or a weekend day worked as a swap.</summary>
    WorkingDay = 2,
}

/// <summary>A per-year correction of the generated calendar, with the decree that ordered it.</summary>
public sealed class CalendarOverride
{
    public const int ReasonMaxLength = 500;
    public const int DecreeMaxLength = 100;

    private CalendarOverride() { Reason = ""; DecreeNumber = ""; }

    /// <summary>
    /// A correction for <paramref name="date"/>. <paramref name="reason"/> and <paramref name="decreeNumber"/> are
    /// trimmed and required; refuses with <see cref="DomainException"/> (codes <c>calendar.override.*</c>).
    /// </summary>
    public CalendarOverride(DateOnly date, CalendarOverrideKind kind, string reason, string decreeNumber)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("calendar.override.kind-invalid", "Loại điều chỉnh lịch không hợp lệ (chỉ nhận ngày nghỉ hoặc ngày làm việc).", nameof(Kind));
        }

        Date = date;
        Kind = kind;
        Reason = Required(reason, ReasonMaxLength, "calendar.override.reason", "Lý do", nameof(Reason));
        DecreeNumber = Required(decreeNumber, DecreeMaxLength, "calendar.override.decree", "Số văn bản quyết định", nameof(DecreeNumber));
    }

    public int Id { get; private set; }
    public DateOnly Date { get; private set; }
    public CalendarOverrideKind Kind { get; private set; }
    public string Reason { get; private set; }
    public string DecreeNumber { get; private set; }

    private static string Required(string? value, int maxLength, string codePrefix, string label, string field)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainException($"{codePrefix}-required", $"{label} không được để trống.", field);
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{codePrefix}-too-long", $"{label} không được dài quá {maxLength} ký tự.", field);
        }

        return trimmed;
    }
}
