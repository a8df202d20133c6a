using PublicService.Console.Resources;
using PublicService.Tests.Support;

namespace PublicService.Tests.Components.Shared;

/// <summary>Every resource class of the console has an English file with exactly the Vietnamese keys.</summary>
public sealed class ResourceCompletenessTests
{
    private static IEnumerable<Type> Classes() =>
        typeof(UiText).Assembly.GetTypes().Where(t => t.Namespace == typeof(UiText).Namespace && t.IsClass && !t.IsNested);

    public static TheoryData<Type> ResourceClasses() => new(Classes());

    [Fact]
    public void ResourceClasses_AreAllFound()
    {
        Assert.Equal(
            [nameof(AdminText), nameof(CatalogUiText), nameof(DossierUiText), nameof(FormsUiText), nameof(IdentityText), nameof(LiveText), nameof(MonitoringText), nameof(ReportText), nameof(SettingsUiText), nameof(UiText)],
            Classes().Select(t => t.Name).Order());
    }

    [Theory]
    [MemberData(nameof(ResourceClasses))]
    public void EnglishResources_HaveEveryVietnameseKey(Type resource)
    {
        var vietnamese = ResourceKeys.Of(resource, "");
        var english = ResourceKeys.Of(resource, "en");

        Assert.NotEmpty(vietnamese);
        Assert.Empty(vietnamese.Except(english));
        Assert.Empty(english.Except(vietnamese));
    }
}
