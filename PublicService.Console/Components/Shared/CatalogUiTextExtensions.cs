using Microsoft.Extensions.Localization;
using MudBlazor;
using PublicService.Console.Resources;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;

namespace PublicService.Console.Components.Shared;

/// <summary>Localized names of the catalog's enums, so that the list and the editor word them the same way.</summary>
public static class CatalogUiTextExtensions
{
    public static string StatusName(this IStringLocalizer<CatalogUiText> text, VersionStatus status) => text[$"VersionStatus_{status}"];

    public static string KindName(this IStringLocalizer<CatalogUiText> text, ProcedureKind kind) => text[$"ProcedureKind_{kind}"];

    public static string ChannelName(this IStringLocalizer<CatalogUiText> text, Channel channel) => text[$"Channel_{channel}"];

    public static string ModeName(this IStringLocalizer<CatalogUiText> text, SupplementClockMode mode) => text[$"SupplementMode_{mode}"];

    public static string RequirementName(this IStringLocalizer<CatalogUiText> text, DocumentRequirement requirement) =>
        text[$"Requirement_{requirement}"];

    /// <summary>"10 ngày làm việc", "trong ngày": the amount is left out where the unit takes none.</summary>
    public static string TimeText(this IStringLocalizer<UiText> text, ProcessingTime time) =>
        time.Unit == TimeUnit.SameDay ? text.UnitName(time.Unit) : $"{time.Amount} {text.UnitName(time.Unit)}";

    /// <summary>Published green, draft blue, retired grey; always shown with the status name.</summary>
    public static Color StatusColor(VersionStatus status) => status switch
    {
        VersionStatus.Published => Color.Success,
        VersionStatus.Draft => Color.Info,
        _ => Color.Default,
    };
}
