namespace PublicService.Console.Resources;

/// <summary>
/// Marker for the administration pages' strings (users, audit trail): <c>AdminText.resx</c> holds the Vietnamese
/// (neutral) text, <c>AdminText.en.resx</c> the English. Use through <c>IStringLocalizer&lt;AdminText&gt;</c>.
/// </summary>
public sealed class AdminText;
