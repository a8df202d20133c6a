using System.Globalization;
using PublicService.Domain.Calendar;

namespace PublicService.Domain.Reporting;

/// <summary>The quick choices of the report's period picker.</summary>
public enum ReportPeriodPreset
{
    ThisMonth = 1,
    LastMonth = 2,
    ThisQuarter = 3,
    ThisYear = 4,
}

/// <summary>
/// A reporting period: whole days in Vietnam time, both ends included. <see cref="StartUtc"/> is 00:00 of
/// <see cref="From"/> and <see cref="EndUtc"/> 00:00 of the day after <see cref="To"/>, so an instant belongs to the
/// period when <c>StartUtc &lt;= instant &lt; EndUtc</c>.
/// </summary>
public sealed record ReportPeriod
{
    /// <summary>Longest period accepted: ten years is more than any report needs and keeps the trend bounded.</summary>
    public const int MaxDays = 3660;

    public ReportPeriod(DateOnly from, DateOnly to)
    {
        if (to < from)
            throw new DomainException("report.period.reversed",
                $"Ngày kết thúc ({Text(to)}) phải từ ngày bắt đầu ({Text(from)}) trở đi.", "To");
        if (to.DayNumber - from.DayNumber >= MaxDays)
            throw new DomainException("report.period.too-long", "Kỳ báo cáo dài quá 10 năm.", "From");
        From = from;
        To = to;
    }

    public DateOnly From { get; }
    public DateOnly To { get; }

    public DateTime StartUtc => VietnamTime.ToUtc(From, TimeOnly.MinValue);
    public DateTime EndUtc => VietnamTime.ToUtc(To.AddDays(1), TimeOnly.MinValue);

    /// <summary>The preset's period around <paramref name="today"/> (a Vietnam date).</summary>
    public static ReportPeriod Of(ReportPeriodPreset preset, DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        return preset switch
        {
            ReportPeriodPreset.ThisMonth => new(month, month.AddMonths(1).AddDays(-1)),
            ReportPeriodPreset.LastMonth => new(month.AddMonths(-1), month.AddDays(-1)),
            ReportPeriodPreset.ThisQuarter => Quarter(today),
            ReportPeriodPreset.ThisYear => new(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
            _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, null),
        };
    }

    private static ReportPeriod Quarter(DateOnly today)
    {
        var first = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        return new(first, first.AddMonths(3).AddDays(-1));
    }

    public override string ToString() => $"{Text(From)} – {Text(To)}";

    private static string Text(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
