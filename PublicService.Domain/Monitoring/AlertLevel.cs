namespace PublicService.Domain.Monitoring;

/// <summary>How close a running dossier is to its deadline. Ordered: a level only rises while time passes.</summary>
public enum AlertLevel
{
    /// <summary>Trong hạn.</summary>
    Normal = 0,
    /// <summary>Sắp đến hạn.</summary>
    Approaching = 1,
    /// <summary>Đến hạn hôm nay.</summary>
    DueToday = 2,
    /// <summary>Quá hạn.</summary>
    Overdue = 3,
}
