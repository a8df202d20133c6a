namespace PublicService.Console.Resources;

/// <summary>
/// Marker for the dossier workflow pages' strings (reception, dossier page, receipt, queues, public status):
/// <c>DossierUiText.resx</c> holds the Vietnamese (neutral) text, <c>DossierUiText.en.resx</c> the English.
/// Use through <c>IStringLocalizer&lt;DossierUiText&gt;</c>.
/// </summary>
public sealed class DossierUiText;
