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
}
