using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PublicService.Console.Components.Shared;
using PublicService.Console.Resources;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Tests.Support;

namespace PublicService.Tests.Components.Shared;

public sealed class CatalogUiTextExtensionsTests
{
    private static readonly ResourceManagerStringLocalizerFactory _factory =
        new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    private static readonly IStringLocalizer<CatalogUiText> _catalog = new StringLocalizer<CatalogUiText>(_factory);
    private static readonly IStringLocalizer<UiText> _text = new StringLocalizer<UiText>(_factory);

    [Fact]
    public void Names_EveryCatalogEnumValueInBothCultures_AreTranslated()
    {
        foreach (var culture in new[] { "vi-VN", "en" })
        {
            using var _ = new CultureScope(culture);
            var names = Enum.GetValues<VersionStatus>().Select(_catalog.StatusName)
                .Concat(Enum.GetValues<ProcedureKind>().Select(_catalog.KindName))
                .Concat(Enum.GetValues<Channel>().Select(_catalog.ChannelName))
                .Concat(Enum.GetValues<SupplementClockMode>().Select(_catalog.ModeName))
                .Concat(Enum.GetValues<DocumentRequirement>().Select(_catalog.RequirementName));

            Assert.All(names, name => Assert.DoesNotContain("_", name));
        }
    }

    [Theory]
    [InlineData(10, TimeUnit.WorkingDays, "10 ngày làm việc")]
    [InlineData(0, TimeUnit.SameDay, "trong ngày")]
    public void TimeText_Vietnamese_PutsTheAmountBeforeTheUnit(int amount, TimeUnit unit, string expected)
    {
        using var _ = new CultureScope("vi-VN");

        Assert.Equal(expected, _text.TimeText(new ProcessingTime(amount, unit)));
    }
}
