using System.Globalization;

namespace PublicService.Domain.Calendar;

/// <summary>
/// Words a due-date explanation for a clerk: Vietnamese by default, English for "en" cultures. Dates are always
/// dd/MM/yyyy and times HH:mm in Vietnam local time, whatever the culture, so both languages read the same numbers.
/// </summary>
internal static class DueExplanationText
{
    private static readonly CultureInfo _invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<string> Write(IReadOnlyList<DueExplanationLine> lines, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(culture);
        var english = culture.TwoLetterISOLanguageName == "en";

        var texts = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            // "Received at 16:10 … so counting starts on …" reads better as one sentence than as two.
            if (line.Kind == DueExplanationKind.Received
                && i + 1 < lines.Count
                && lines[i + 1].Kind is DueExplanationKind.MovedByCutOff or DueExplanationKind.MovedByDayOff)
            {
                texts.Add(english ? MovedEnglish(lines[i + 1]) : MovedVietnamese(lines[i + 1]));
                i++;
                continue;
            }

            texts.Add(english ? English(line) : Vietnamese(line));
        }

        return texts;
    }

    private static string Vietnamese(DueExplanationLine line) => line.Kind switch
    {
        DueExplanationKind.Received => $"Tiếp nhận lúc {Time(line.InstantUtc)} ngày {Date(line.InstantUtc)}.",
        DueExplanationKind.MovedByCutOff => $"Tiếp nhận sau {Time(line.CutOff)} nên được tính là tiếp nhận vào ngày làm việc tiếp theo {Date(line.Date)}.",
        DueExplanationKind.MovedByDayOff => $"Tiếp nhận vào ngày nghỉ ({DayOffVietnamese(line)}) nên được tính là tiếp nhận vào ngày làm việc tiếp theo {Date(line.Date)}.",
        DueExplanationKind.CountedWorkingDay => $"Ngày làm việc thứ {line.Count}: {WeekdayVietnamese(line.Date)} {Date(line.Date)}.",
        DueExplanationKind.SkippedDayOff => $"Bỏ qua {Date(line.Date)}: {line.Name}.",
        DueExplanationKind.SkippedWeekend when line.Count is null or 1 =>
            $"Bỏ qua {Date(line.Date)}: nghỉ cuối tuần ({WeekdayVietnamese(line.Date)}).",
        DueExplanationKind.SkippedWeekend => $"Bỏ qua {Date(line.Date)}–{Date(LastWeekendDay(line))}: nghỉ cuối tuần.",
        DueExplanationKind.CountedCalendarDays => $"Tính {line.Count} ngày theo lịch (kể cả ngày nghỉ): đến ngày {Date(line.Date)}.",
        DueExplanationKind.MovedOffNonWorkingDay =>
            $"Ngày {Date(line.InstantUtc)} là ngày nghỉ ({(line.Name ?? WeekdayVietnamese(DateOf(line.InstantUtc)))}) nên chuyển sang ngày làm việc tiếp theo {Date(line.Date)}.",
        DueExplanationKind.CountedWorkingHours =>
            $"Tính {DurationVietnamese(line.Minutes)} làm việc từ {Time(line.InstantUtc)} ngày {Date(line.InstantUtc)}.",
        DueExplanationKind.Paused =>
            $"Tạm dừng từ {Time(line.InstantUtc)} ngày {Date(line.InstantUtc)} đến {Time(line.EndUtc)} ngày {Date(line.EndUtc)}: cộng thêm {DurationVietnamese(line.Minutes)} làm việc.",
        DueExplanationKind.Due => $"Hạn giải quyết: {Time(line.InstantUtc)} ngày {Date(line.InstantUtc)}.",
        _ => line.Kind.ToString(),
    };

    private static string English(DueExplanationLine line) => line.Kind switch
    {
        DueExplanationKind.Received => $"Received at {Time(line.InstantUtc)} on {Date(line.InstantUtc)}.",
        DueExplanationKind.MovedByCutOff => $"Received at or after the {Time(line.CutOff)} cut-off, so it counts as received on the next working day, {Date(line.Date)}.",
        DueExplanationKind.MovedByDayOff => $"Received on a day off ({DayOffEnglish(line)}), so it counts as received on the next working day, {Date(line.Date)}.",
        DueExplanationKind.CountedWorkingDay => $"Working day {line.Count}: {WeekdayEnglish(line.Date)} {Date(line.Date)}.",
        DueExplanationKind.SkippedDayOff => $"Skipped {Date(line.Date)}: {line.Name}.",
        DueExplanationKind.SkippedWeekend when line.Count is null or 1 =>
            $"Skipped {Date(line.Date)}: weekend ({WeekdayEnglish(line.Date)}).",
        DueExplanationKind.SkippedWeekend => $"Skipped {Date(line.Date)}–{Date(LastWeekendDay(line))}: weekend.",
        DueExplanationKind.CountedCalendarDays => $"Counted {line.Count} calendar days (days off included): {Date(line.Date)}.",
        DueExplanationKind.MovedOffNonWorkingDay =>
            $"{Date(line.InstantUtc)} is a day off ({line.Name ?? WeekdayEnglish(DateOf(line.InstantUtc))}), so the due date moves to the next working day, {Date(line.Date)}.",
        DueExplanationKind.CountedWorkingHours =>
            $"Counted {DurationEnglish(line.Minutes)} of working time from {Time(line.InstantUtc)} on {Date(line.InstantUtc)}.",
        DueExplanationKind.Paused =>
            $"Paused from {Time(line.InstantUtc)} on {Date(line.InstantUtc)} to {Time(line.EndUtc)} on {Date(line.EndUtc)}: {DurationEnglish(line.Minutes)} of working time added.",
        DueExplanationKind.Due => $"Due: {Time(line.InstantUtc)} on {Date(line.InstantUtc)}.",
        _ => line.Kind.ToString(),
    };

    private static string MovedVietnamese(DueExplanationLine moved) => moved.Kind == DueExplanationKind.MovedByCutOff
        ? $"Tiếp nhận lúc {Time(moved.InstantUtc)} ngày {Date(moved.InstantUtc)} (sau {Time(moved.CutOff)}) nên được tính là tiếp nhận vào ngày làm việc tiếp theo {Date(moved.Date)}."
        : $"Tiếp nhận lúc {Time(moved.InstantUtc)} ngày {Date(moved.InstantUtc)} (ngày nghỉ: {DayOffVietnamese(moved)}) nên được tính là tiếp nhận vào ngày làm việc tiếp theo {Date(moved.Date)}.";

    private static string MovedEnglish(DueExplanationLine moved) => moved.Kind == DueExplanationKind.MovedByCutOff
        ? $"Received at {Time(moved.InstantUtc)} on {Date(moved.InstantUtc)} (at or after {Time(moved.CutOff)}), so it counts as received on the next working day, {Date(moved.Date)}."
        : $"Received at {Time(moved.InstantUtc)} on {Date(moved.InstantUtc)} (a day off: {DayOffEnglish(moved)}), so it counts as received on the next working day, {Date(moved.Date)}.";

    private static string DayOffVietnamese(DueExplanationLine moved) => moved.Name ?? WeekdayVietnamese(DateOf(moved.InstantUtc));

    private static string DayOffEnglish(DueExplanationLine moved) => moved.Name ?? WeekdayEnglish(DateOf(moved.InstantUtc));

    private static DateOnly? LastWeekendDay(DueExplanationLine line) => line.Date?.AddDays((line.Count ?? 1) - 1);

    private static DateOnly? DateOf(DateTime? instantUtc) => instantUtc is { } instant ? VietnamTime.DateOf(instant) : null;

    private static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", _invariant) ?? "?";

    private static string Date(DateTime? instantUtc) => Date(DateOf(instantUtc));

    private static string Time(DateTime? instantUtc) =>
        instantUtc is { } instant ? VietnamTime.ToLocal(instant).ToString("HH:mm", _invariant) : "?";

    private static string Time(TimeOnly? time) => time?.ToString("HH:mm", _invariant) ?? "?";

    private static string WeekdayVietnamese(DateOnly? date) => date?.DayOfWeek switch
    {
        DayOfWeek.Monday => "thứ Hai",
        DayOfWeek.Tuesday => "thứ Ba",
        DayOfWeek.Wednesday => "thứ Tư",
        DayOfWeek.Thursday => "thứ Năm",
        DayOfWeek.Friday => "thứ Sáu",
        DayOfWeek.Saturday => "thứ Bảy",
        DayOfWeek.Sunday => "Chủ nhật",
        _ => "?",
    };

    private static string WeekdayEnglish(DateOnly? date) => date?.DayOfWeek.ToString() ?? "?";

    private static string DurationVietnamese(long? minutes)
    {
        var (hours, rest) = Math.DivRem(minutes ?? 0, 60);
        return (hours, rest) switch
        {
            (0, _) => $"{rest} phút",
            (_, 0) => $"{hours} giờ",
            _ => $"{hours} giờ {rest} phút",
        };
    }

    private static string DurationEnglish(long? minutes)
    {
        var (hours, rest) = Math.DivRem(minutes ?? 0, 60);
        var hoursText = hours == 1 ? "1 hour" : $"{hours} hours";
        var minutesText = rest == 1 ? "1 minute" : $"{rest} minutes";
        return (hours, rest) switch
        {
            (0, _) => minutesText,
            (_, 0) => hoursText,
            _ => $"{hoursText} {minutesText}",
        };
    }
}
