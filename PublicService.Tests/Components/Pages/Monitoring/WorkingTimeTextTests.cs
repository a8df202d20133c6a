using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PublicService.Console.Components.Pages.Monitoring;
using PublicService.Console.Resources;

namespace PublicService.Tests.Components.Pages.Monitoring;

public sealed class WorkingTimeTextTests
{
    private static readonly IStringLocalizer<MonitoringText> _text =
        new StringLocalizer<MonitoringText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    [Theory]
    [InlineData(960, false, "còn 2 ngày làm việc")]
    [InlineData(1200, false, "còn 2 ngày 4 giờ làm việc")]
    [InlineData(150, false, "còn 2 giờ làm việc")]
    [InlineData(45, false, "còn 45 phút làm việc")]
    [InlineData(0, false, "đến hạn")]
    [InlineData(-180, true, "quá hạn 3 giờ")]
    [InlineData(-1440, true, "quá hạn 3 ngày làm việc")]
    [InlineData(-500, true, "quá hạn 1 ngày làm việc")]
    [InlineData(0, true, "vừa quá hạn")]
    public void Describe_Vietnamese_WordsTheWorkingTime(long minutesLeft, bool overdue, string expected)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        try
        {
            Assert.Equal(expected, _text.Describe(minutesLeft, overdue, 480));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
