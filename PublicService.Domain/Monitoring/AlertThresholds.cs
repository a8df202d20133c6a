namespace PublicService.Domain.Monitoring;

/// <summary>
/// When a running dossier becomes "approaching" (sắp đến hạn): when at most
/// <see cref="RemainingWorkingMinutes"/> of working time remain, or when at least <see cref="UsedPercent"/>
/// of the allowed working time is used — whichever comes first. Either may be null (not used), not both.
/// </summary>
public sealed record AlertThresholds(int? RemainingWorkingMinutes, int? UsedPercent)
{
    /// <summary>≤ 1 working day (480 minutes) remaining, or ≥ 75 % used.</summary>
    public static AlertThresholds Default { get; } = new(480, 75);

    /// <summary>
    /// The one rule for thresholds, the centre's and a procedure's own alike: at least one of the two, minutes not
    /// negative, percent from 1 to 100. Throws <see cref="DomainException"/> naming <paramref name="field"/> (the
    /// whole value) or <c>{field}.RemainingWorkingMinutes</c> / <c>{field}.UsedPercent</c> (the part at fault).
    /// </summary>
    public AlertThresholds Validated(string field)
    {
        if (RemainingWorkingMinutes is null && UsedPercent is null)
            throw new DomainException(
                "alerts.none", "Cần ít nhất một ngưỡng cảnh báo: thời gian còn lại hoặc tỷ lệ thời gian đã dùng.", field);
        if (RemainingWorkingMinutes is < 0)
            throw new DomainException(
                "alerts.remaining-negative", "Thời gian còn lại không được âm.",
                $"{field}.{nameof(RemainingWorkingMinutes)}");
        if (UsedPercent is < 1 or > 100)
            throw new DomainException(
                "alerts.percent-range", "Tỷ lệ thời gian đã dùng phải từ 1 đến 100 %.", $"{field}.{nameof(UsedPercent)}");
        return this;
    }
}
