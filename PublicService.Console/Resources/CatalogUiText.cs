namespace PublicService.Console.Resources;

/// <summary>
/// Marker for the procedure catalog pages' strings: <c>CatalogUiText.resx</c> holds the Vietnamese (neutral) text,
/// <c>CatalogUiText.en.resx</c> the English. Use through <c>IStringLocalizer&lt;CatalogUiText&gt;</c>. Named apart
/// from the domain's <c>CatalogText</c> so that pages can use both namespaces.
/// </summary>
public sealed class CatalogUiText;
