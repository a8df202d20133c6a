using Microsoft.Extensions.Localization;
using PublicService.Console.Resources;
using MudBlazor;
using PublicService.Domain.Calendar;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;

namespace PublicService.Console.Components.Shared;

/// <summary>Localized names of the domain's enums, so that every page words them the same way.</summary>
public static class UiTextExtensions
{
    public static string DayName(this IStringLocalizer<UiText> text, DayOfWeek day) => text[$"DayOfWeek_{day}"];

    public static string KindName(this IStringLocalizer<UiText> text, DayOffKind kind) => text[$"DayOffKind_{kind}"];

    public static string UnitName(this IStringLocalizer<UiText> text, TimeUnit unit) => text[$"TimeUnit_{unit}"];

    public static string StatusName(this IStringLocalizer<UiText> text, DossierStatus status) => text[$"DossierStatus_{status}"];

    public static string LevelName(this IStringLocalizer<UiText> text, AlertLevel level) => text[$"AlertLevel_{level}"];

    /// <summary>Green within time, amber approaching, red due today and overdue; always shown with the words beside it.</summary>
    public static Color LevelColor(AlertLevel level) => level switch
    {
        AlertLevel.Normal => Color.Success,
        AlertLevel.Approaching => Color.Warning,
        _ => Color.Error,
    };
}
