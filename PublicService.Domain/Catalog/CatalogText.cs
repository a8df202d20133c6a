using System.Globalization;
using PublicService.Domain.Calendar;

namespace PublicService.Domain.Catalog;

/// <summary>Vietnamese labels for catalog values, used in validation messages and printed forms.</summary>
public static class CatalogText
{
    // Vietnamese groups thousands with dots; fixed here so messages do not depend on the server's culture.
    private static readonly NumberFormatInfo _vndFormat = new() { NumberGroupSeparator = ".", NegativeSign = "-" };

    /// <summary>"200.000 đồng".</summary>
    public static string Money(long amountVnd) => amountVnd.ToString("#,0", _vndFormat) + " đồng";

    /// <summary>"10 ngày làm việc", "8 giờ làm việc", "20 ngày", "trong ngày".</summary>
    public static string Describe(ProcessingTime time) => time.Unit switch
    {
        TimeUnit.WorkingDays => $"{time.Amount} ngày làm việc",
        TimeUnit.WorkingHours => $"{time.Amount} giờ làm việc",
        TimeUnit.CalendarDays => $"{time.Amount} ngày",
        TimeUnit.SameDay => "trong ngày",
        _ => $"{time.Amount} ({time.Unit})",
    };

    /// <summary>"trực tiếp", "trực tuyến", "qua dịch vụ bưu chính công ích".</summary>
    public static string Describe(Channel channel) => channel switch
    {
        Channel.InPerson => "trực tiếp",
        Channel.Online => "trực tuyến",
        Channel.Post => "qua dịch vụ bưu chính công ích",
        _ => channel.ToString(),
    };
}
