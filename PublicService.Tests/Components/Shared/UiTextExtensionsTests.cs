using System.Collections;
using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PublicService.Console.Components.Shared;
using PublicService.Console.Resources;
using PublicService.Domain.Calendar;

namespace PublicService.Tests.Components.Shared;

public sealed class UiTextExtensionsTests
{
    private static readonly IStringLocalizer<UiText> _text =
        new StringLocalizer<UiText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    [Theory]
    [InlineData("vi-VN", DayOffKind.Tet, "Tết Nguyên đán")]
    [InlineData("vi-VN", DayOffKind.HungKings, "Giỗ Tổ Hùng Vương")]
    [InlineData("vi-VN", DayOffKind.Compensatory, "Nghỉ bù")]
    [InlineData("en", DayOffKind.NationalDay, "National Day")]
    public void KindName_Culture_IsLocalized(string culture, DayOffKind kind, string expected)
    {
        using var _ = new CultureScope(culture);

        Assert.Equal(expected, _text.KindName(kind));
    }

    [Fact]
    public void Names_EveryEnumValueInBothCultures_AreTranslated()
    {
        foreach (var culture in new[] { "vi-VN", "en" })
        {
            using var _ = new CultureScope(culture);
            var names = Enum.GetValues<DayOffKind>().Select(_text.KindName)
                .Concat(Enum.GetValues<TimeUnit>().Select(_text.UnitName))
                .Concat(Enum.GetValues<DayOfWeek>().Select(_text.DayName));

            Assert.All(names, name => Assert.DoesNotContain("_", name));
        }
    }

    [Fact]
    public void EnglishResources_HaveEveryVietnameseKey()
    {
        var manager = new ResourceManager(typeof(UiText).FullName!, typeof(UiText).Assembly);
        static HashSet<string> Keys(ResourceSet? set) =>
            set is null ? [] : set.Cast<DictionaryEntry>().Select(entry => (string)entry.Key).ToHashSet();

        var vietnamese = Keys(manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false));
        var english = Keys(manager.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false));

        Assert.NotEmpty(vietnamese);
        Assert.Empty(vietnamese.Except(english));
        Assert.Empty(english.Except(vietnamese));
    }

    private sealed class CultureScope : IDisposable
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
}
