namespace PublicService.Console.Resources;

/// <summary>
/// Marker for the strings of sign-in, accounts and access: <c>IdentityText.resx</c> holds the Vietnamese (neutral)
/// text, <c>IdentityText.en.resx</c> the English. Use through <c>IStringLocalizer&lt;IdentityText&gt;</c>.
/// </summary>
public sealed class IdentityText;
