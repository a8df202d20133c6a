namespace PublicService.Console.Resources;

/// <summary>
/// Marker for the deadline-monitoring strings: <c>MonitoringText.resx</c> holds the Vietnamese (neutral) text,
/// <c>MonitoringText.en.resx</c> the English. Use through <c>IStringLocalizer&lt;MonitoringText&gt;</c>.
/// </summary>
public sealed class MonitoringText;
