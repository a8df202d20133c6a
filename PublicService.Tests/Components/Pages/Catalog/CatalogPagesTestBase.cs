using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PublicService.Domain.Catalog;

namespace PublicService.Tests.Components.Pages.Catalog;

/// <summary>The catalog pages against a migrated SQLite file holding the demo catalog, as the app runs them.</summary>
public abstract class CatalogPagesTestBase : DemoCatalogPageTestBase
{
    protected override void AddPageServices(IServiceCollection services) => services.AddTransient<ProcedureEditing>();

    protected int ProcedureId(string nationalCode) => Demo.Procedures.Single(p => p.Code.StartsWith(nationalCode, StringComparison.Ordinal)).Id;

    protected void NavigateTo(string relativeUri) => Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUri);

    /// <summary>The input or text area a data-testid names, whether MudBlazor put the attribute on it or on its wrapper.</summary>
    protected static IElement InputOf(IElement marked) =>
        marked.TagName is "INPUT" or "TEXTAREA" ? marked : marked.QuerySelector("input, textarea")!;

    /// <summary>The button a data-testid names.</summary>
    protected static IElement ButtonOf(IElement marked) => marked.TagName == "BUTTON" ? marked : marked.QuerySelector("button")!;
}
