using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PublicService.Domain.Calendar;

/// <summary>How a legal processing period is counted.</summary>
public enum TimeUnit
{
    WorkingDays = 1,
    WorkingHours = 2,
    CalendarDays = 3,
    /// <summary>"Ngay trong ngày": due at closing time of the counting-start day.</summary>
    SameDay = 4,
}

/// <summary>
/// A structured processing period, e.g. 3 working days. <c>SameDay</c> has amount 0.
/// Amount 0 is allowed for every unit (a step's share of an interconnected procedure may be 0 working days);
/// a negative amount is refused.
/// </summary>
public sealed record ProcessingTime(int Amount, TimeUnit Unit)
{
    private const string ExpectedUnits = "working-days, working-hours, calendar-days or same-day";

    /// <summary>The number of units; never negative.</summary>
    public int Amount
    {
        get;
        init => field = ValidAmount(value);
    } = ValidAmount(Amount);

    public TimeUnit Unit
    {
        get;
        init => field = ValidUnit(value);
    } = ValidUnit(Unit);

    /// <summary>
    /// The validating factory: <paramref name="amount"/> ≥ 0, and 0 for <see cref="TimeUnit.SameDay"/>.
    /// Throws <see cref="ArgumentOutOfRangeException"/> otherwise.
    /// </summary>
    public static ProcessingTime Create(int amount, TimeUnit unit)
    {
        if (unit == TimeUnit.SameDay && amount != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "same-day takes no amount (or 0).");
        }

        return new ProcessingTime(amount, unit);
    }

    /// <summary>Same day: due at closing time of the counting-start day.</summary>
    public static ProcessingTime SameDay { get; } = new(0, TimeUnit.SameDay);

    /// <summary>
    /// Parses the command-line form "N unit" with unit one of working-days, working-hours,
    /// calendar-days, same-day (for which N may be omitted or 0). Throws <see cref="FormatException"/>
    /// with a message naming what is wrong.
    /// </summary>
    public static ProcessingTime Parse(string text) =>
        TryParse(text, out var result, out var error) ? result : throw new FormatException(error);

    /// <summary>Like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ProcessingTime? result) =>
        TryParse(text, out result, out _);

    /// <summary>Like <see cref="Parse"/>, returning false and the reason instead of throwing.</summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out ProcessingTime? result,
        [NotNullWhen(false)] out string? error)
    {
        result = null;
        var parts = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        string unitText;
        var amount = 0;
        var hasAmount = false;
        switch (parts.Length)
        {
            case 0:
                error = $"processing time is empty; expected 'N unit' such as '3 working-days', with unit {ExpectedUnits}";
                return false;
            case 1 when parts[0].Equals("same-day", StringComparison.OrdinalIgnoreCase):
                unitText = parts[0];
                break;
            case 1:
                error = int.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                    ? $"missing unit after '{parts[0]}'; expected {ExpectedUnits}"
                    : $"missing amount before '{parts[0]}'; expected 'N unit' such as '3 working-days'";
                return false;
            case 2:
                if (!int.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out amount))
                {
                    error = $"amount '{parts[0]}' is not a whole number";
                    return false;
                }

                hasAmount = true;
                unitText = parts[1];
                break;
            default:
                error = $"'{text!.Trim()}' has {parts.Length} parts; expected 'N unit' such as '3 working-days'";
                return false;
        }

        TimeUnit? unit = unitText.ToLowerInvariant() switch
        {
            "working-days" => TimeUnit.WorkingDays,
            "working-hours" => TimeUnit.WorkingHours,
            "calendar-days" => TimeUnit.CalendarDays,
            "same-day" => TimeUnit.SameDay,
            _ => null,
        };

        if (unit is null)
        {
            error = $"unknown unit '{unitText}'; expected {ExpectedUnits}";
            return false;
        }

        if (amount < 0)
        {
            error = $"amount {amount} is negative; expected 0 or more";
            return false;
        }

        if (unit == TimeUnit.SameDay && hasAmount && amount != 0)
        {
            error = $"same-day takes no amount (or 0), not {amount}";
            return false;
        }

        result = new ProcessingTime(amount, unit.Value);
        error = null;
        return true;
    }

    /// <summary>"3 working-days", the inverse of <see cref="Parse"/>.</summary>
    public override string ToString() => Unit switch
    {
        TimeUnit.SameDay => "same-day",
        TimeUnit.WorkingDays => string.Create(CultureInfo.InvariantCulture, $"{Amount} working-days"),
        TimeUnit.WorkingHours => string.Create(CultureInfo.InvariantCulture, $"{Amount} working-hours"),
        TimeUnit.CalendarDays => string.Create(CultureInfo.InvariantCulture, $"{Amount} calendar-days"),
        _ => throw new InvalidOperationException($"Unknown time unit {Unit}."),
    };

    private static int ValidAmount(int amount) =>
        amount >= 0 ? amount : throw new ArgumentOutOfRangeException(nameof(Amount), amount, "A processing time cannot be negative.");

    private static TimeUnit ValidUnit(TimeUnit unit) =>
        Enum.IsDefined(unit) ? unit : throw new ArgumentOutOfRangeException(nameof(Unit), unit, "Unknown time unit.");
}
