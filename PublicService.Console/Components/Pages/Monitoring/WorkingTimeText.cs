using Microsoft.Extensions.Localization;
using PublicService.Console.Resources;

namespace PublicService.Console.Components.Pages.Monitoring;

/// <summary>Words for the working time left before a due instant, or past it: "còn 2 ngày làm việc", "quá hạn 3 giờ".</summary>
public static class WorkingTimeText
{
    /// <param name="workingMinutesLeft">Positive before the due instant, negative after it.</param>
    /// <param name="overdue">Whether the due instant has passed; 0 working minutes reads differently on each side.</param>
    /// <param name="minutesPerWorkingDay">The calendar's working day, so that "1 ngày" means one working day.</param>
    public static string Describe(this IStringLocalizer<MonitoringText> text, long workingMinutesLeft, bool overdue, int minutesPerWorkingDay)
    {
        var minutes = Math.Abs(workingMinutesLeft);
        var prefix = overdue ? "Time_Over_" : "Time_Left_";
        if (minutes == 0) return text[prefix + "None"];
        var days = minutes / minutesPerWorkingDay;
        var hours = minutes % minutesPerWorkingDay / 60;
        if (days > 0) return hours > 0 ? text[prefix + "DaysHours", days, hours] : text[prefix + "Days", days];
        return minutes >= 60 ? text[prefix + "Hours", minutes / 60] : text[prefix + "Minutes", minutes];
    }
}
