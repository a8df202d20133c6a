namespace PublicService.Console.Resources;

/// <summary>
/// Marker for the shared UI strings: <c>UiText.resx</c> holds the Vietnamese (neutral) text,
/// <c>UiText.en.resx</c> the English. Use through <c>IStringLocalizer&lt;UiText&gt;</c>.
/// </summary>
public sealed class UiText;
