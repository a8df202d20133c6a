namespace PublicService.Console.Resources;

/// <summary>
/// Marker for the progress-report strings: <c>ReportText.resx</c> holds the Vietnamese (neutral) text,
/// <c>ReportText.en.resx</c> the English. Use through <c>IStringLocalizer&lt;ReportText&gt;</c>.
/// </summary>
public sealed class ReportText;
