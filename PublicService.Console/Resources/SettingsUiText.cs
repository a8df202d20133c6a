namespace PublicService.Console.Resources;

/// <summary>
/// Marker for the administrator's calendar and settings pages' strings: <c>SettingsUiText.resx</c> holds the
/// Vietnamese (neutral) text, <c>SettingsUiText.en.resx</c> the English. Use through
/// <c>IStringLocalizer&lt;SettingsUiText&gt;</c>.
/// </summary>
public sealed class SettingsUiText;
