using System.Collections;
using System.Globalization;
using System.Resources;
using PublicService.Console.Resources;
using PublicService.Domain.Staff;

namespace PublicService.Tests.Identity;

public sealed class IdentityTextTests
{
    private static readonly ResourceManager Manager = new(typeof(IdentityText).FullName!, typeof(IdentityText).Assembly);

    private static HashSet<string> Keys(string culture) =>
        Manager.GetResourceSet(culture == "" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)
            ?.Cast<DictionaryEntry>().Select(entry => (string)entry.Key).ToHashSet() ?? [];

    [Fact]
    public void EnglishResources_HaveEveryVietnameseKey()
    {
        var vietnamese = Keys("");
        var english = Keys("en");

        Assert.NotEmpty(vietnamese);
        Assert.Empty(vietnamese.Except(english));
        Assert.Empty(english.Except(vietnamese));
    }

    [Fact]
    public void Roles_HaveAVietnameseName()
    {
        var vietnamese = Keys("");

        Assert.All(StaffRoles.All, role => Assert.Contains("Role_" + role, vietnamese));
    }
}
