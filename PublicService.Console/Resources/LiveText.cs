namespace PublicService.Console.Resources;

/// <summary>
/// Marker for the strings of live alert updates on the work queue and the dossier page, and of step alert levels:
/// <c>LiveText.resx</c> holds the Vietnamese (neutral) text, <c>LiveText.en.resx</c> the English.
/// </summary>
public sealed class LiveText;
