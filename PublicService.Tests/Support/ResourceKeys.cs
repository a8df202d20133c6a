using System.Collections;
using System.Globalization;
using System.Resources;

namespace PublicService.Tests.Support;

/// <summary>The keys of a console resource class in one culture ("" is the neutral Vietnamese file).</summary>
public static class ResourceKeys
{
    public static HashSet<string> Of(Type resource, string culture)
    {
        var manager = new ResourceManager(resource.FullName!, resource.Assembly);
        var set = manager.GetResourceSet(culture == "" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false);
        return set?.Cast<DictionaryEntry>().Select(entry => (string)entry.Key).ToHashSet() ?? [];
    }
}

/// <summary>Sets the current culture and UI culture for the length of a test, then restores them.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
