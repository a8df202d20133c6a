using Microsoft.Extensions.Localization;
using PublicService.Console.Resources;
using PublicService.Domain.Calendar;

namespace PublicService.Console.Components.Shared;

/// <summary>Localized names of the domain's enums, so that every page words them the same way.</summary>
public static class UiTextExtensions
{
    public static string DayName(this IStringLocalizer<UiText> text, DayOfWeek day) => text[$"DayOfWeek_{day}"];

    public static string KindName(this IStringLocalizer<UiText> text, DayOffKind kind) => text[$"DayOffKind_{kind}"];

    public static string UnitName(this IStringLocalizer<UiText> text, TimeUnit unit) => text[$"TimeUnit_{unit}"];
}
