namespace PublicService.Console.Resources;

/// <summary>
/// Marker for the printed forms' screens (process control sheet, log book, form settings): <c>FormsUiText.resx</c>
/// holds the Vietnamese (neutral) text, <c>FormsUiText.en.resx</c> the English. The forms themselves are legal
/// documents and print in Vietnamese whatever the UI language.
/// </summary>
public sealed class FormsUiText;
