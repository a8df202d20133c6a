using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PublicService.Console.Components.Shared;
using PublicService.Console.Resources;
using PublicService.Domain.Calendar;
using PublicService.Tests.Support;

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
}
