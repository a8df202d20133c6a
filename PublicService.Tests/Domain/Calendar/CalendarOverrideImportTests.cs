using System.Text;
using PublicService.Domain.Calendar;
using static PublicService.Tests.Domain.Calendar.CalendarBuilder;

namespace PublicService.Tests.Domain.Calendar;

public sealed class CalendarOverrideImportTests
{
    [Fact]
    public void ParseCsv_ValidFile_ReturnsOverridesInOrder()
    {
        const string csv = """
            date,kind,reason,decree
            2026-02-13,off,Nghỉ trước Tết,"123/TB-VPCP"
            28/02/2026,working,"Làm bù cho ngày 13/02, theo thông báo",123/TB-VPCP
            """;

        var result = CalendarOverrideImport.ParseCsv(csv);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Overrides.Count);
        Assert.Equal((D(2026, 2, 13), CalendarOverrideKind.DayOff, "Nghỉ trước Tết", "123/TB-VPCP"),
            (result.Overrides[0].Date, result.Overrides[0].Kind, result.Overrides[0].Reason, result.Overrides[0].DecreeNumber));
        Assert.Equal((D(2026, 2, 28), CalendarOverrideKind.WorkingDay, "Làm bù cho ngày 13/02, theo thông báo"),
            (result.Overrides[1].Date, result.Overrides[1].Kind, result.Overrides[1].Reason));
    }

    [Fact]
    public void ParseCsv_QuotedFieldWithQuotesAndLineBreak_IsReadWhole()
    {
        var csv = "kind,date,decree,reason\r\noff,2026-02-13,1/QĐ,\"Nghỉ \"\"bắc cầu\"\"\r\ntrước Tết\"\r\nworking,2026-02-28,1/QĐ,Làm bù\r\n";

        var result = CalendarOverrideImport.ParseCsv(csv);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal("Nghỉ \"bắc cầu\"\r\ntrước Tết", result.Overrides[0].Reason);
        Assert.Equal(D(2026, 2, 28), result.Overrides[1].Date);
    }

    [Fact]
    public void ParseCsv_BadRows_ReportsEachWithItsLineAndNothingToApply()
    {
        const string csv = """
            date,kind,reason,decree
            2026-02-13,off,Nghỉ trước Tết,1/QĐ

            31/02/2026,off,Ngày sai,1/QĐ
            2026-03-02,holiday,Loại sai,1/QĐ
            2026-03-03,off,,1/QĐ
            2026-03-04,working,Thiếu số văn bản,
            2026-03-05,off
            2026-02-13,off,Trùng ngày,1/QĐ
            """;

        var result = CalendarOverrideImport.ParseCsv(csv);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Overrides);
        Assert.Equal(
            [(4, "date"), (5, "kind"), (6, "reason"), (7, "decree"), (8, null), (9, "date")],
            result.Errors.Select(e => (e.Line, e.Field)));
        Assert.Contains("31/02/2026", result.Errors[0].Reason);
        Assert.Equal("Lý do không được để trống.", result.Errors[2].Reason);
        Assert.Equal("Ngày 13/02/2026 đã có ở dòng 2.", result.Errors[5].Reason);
    }

    [Fact]
    public void ParseCsv_WrongHeader_ReportsTheMissingAndUnknownColumns()
    {
        var result = CalendarOverrideImport.ParseCsv("date,type,reason,decree\n2026-02-13,off,Nghỉ,1/QĐ\n");

        Assert.Equal([(1, "type"), (1, "kind")], result.Errors.Select(e => (e.Line, e.Field)));
        Assert.Empty(result.Overrides);
    }

    [Fact]
    public void ParseCsv_EmptyFile_ReportsTheMissingHeader()
    {
        var result = CalendarOverrideImport.ParseCsv("");

        Assert.Equal(1, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public void ParseCsv_UnclosedQuote_ReportsTheLineWhereTheRecordStarts()
    {
        var result = CalendarOverrideImport.ParseCsv("date,kind,reason,decree\n2026-02-13,off,\"Nghỉ\n2026-02-14,off,Nghỉ,1/QĐ\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("ngoặc kép", error.Reason);
    }

    [Fact]
    public void ParseCsv_Utf8StreamWithByteOrderMark_KeepsDiacritics()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("date,kind,reason,decree\n2026-02-13,off,Nghỉ Tết Bính Ngọ,1/QĐ\n")).ToArray();

        var result = CalendarOverrideImport.ParseCsv(new MemoryStream(bytes));

        Assert.Equal("Nghỉ Tết Bính Ngọ", Assert.Single(result.Overrides).Reason);
    }

    [Fact]
    public void ParseCsv_StreamNotUtf8_ReportsTheEncoding()
    {
        var bytes = "date,kind,reason,decree\n2026-02-13,off,Ngh"u8.ToArray().Append((byte)0xEC).Append((byte)0x20).ToArray();

        var result = CalendarOverrideImport.ParseCsv(new MemoryStream(bytes));

        Assert.Contains("UTF-8", Assert.Single(result.Errors).Reason);
    }

    [Fact]
    public void ParseICalendar_MultiDayEventAndWorkingDay_ReturnsOneOverridePerDay()
    {
        const string ics = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//UBND tinh//Lich nghi//VI
            BEGIN:VEVENT
            UID:1@example
            DTSTART;VALUE=DATE:20260213
            DTEND;VALUE=DATE:20260215
            SUMMARY:Nghỉ bắc cầu Tết
            X-DECREE:123/TB-VPCP
            DESCRIPTION:Theo thông báo của Văn phòng Chính phủ
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20260228
            SUMMARY:Làm bù ngày 13/02
            DESCRIPTION:123/TB-VPCP
            CATEGORIES:HOLIDAY,WORKING-DAY
            BEGIN:VALARM
            ACTION:DISPLAY
            DESCRIPTION:Nhắc
            END:VALARM
            END:VEVENT
            END:VCALENDAR
            """;

        var result = CalendarOverrideImport.ParseICalendar(ics);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(
            [(D(2026, 2, 13), CalendarOverrideKind.DayOff, "123/TB-VPCP"), (D(2026, 2, 14), CalendarOverrideKind.DayOff, "123/TB-VPCP"), (D(2026, 2, 28), CalendarOverrideKind.WorkingDay, "123/TB-VPCP")],
            result.Overrides.Select(o => (o.Date, o.Kind, o.DecreeNumber)));
        Assert.Equal("Làm bù ngày 13/02", result.Overrides[2].Reason);
    }

    [Fact]
    public void ParseICalendar_FoldedLinesAndEscapes_AreUnfolded()
    {
        var ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260213\r\nSUMMARY:Nghỉ trước Tết\\, theo thông \r\n báo của Văn phòng\r\n\t Chính phủ\r\nX-DECREE:123/TB-VPCP\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        var result = CalendarOverrideImport.ParseICalendar(ics);

        Assert.Equal("Nghỉ trước Tết, theo thông báo của Văn phòng Chính phủ", Assert.Single(result.Overrides).Reason);
    }

    [Fact]
    public void ParseICalendar_BadEvents_ReportsEachWithItsLineAndNothingToApply()
    {
        const string ics = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20260213
            SUMMARY:Hợp lệ
            X-DECREE:1/QĐ
            END:VEVENT
            BEGIN:VEVENT
            DTSTART:20260216T080000Z
            SUMMARY:Có giờ
            X-DECREE:1/QĐ
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20260220
            DTEND;VALUE=DATE:20260219
            SUMMARY:Kết thúc trước bắt đầu
            X-DECREE:1/QĐ
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20260302
            SUMMARY:Thiếu số văn bản
            END:VEVENT
            BEGIN:VEVENT
            SUMMARY:Thiếu ngày
            X-DECREE:1/QĐ
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20260309
            RRULE:FREQ=WEEKLY
            SUMMARY:Lặp lại
            X-DECREE:1/QĐ
            END:VEVENT
            END:VCALENDAR
            """;

        var result = CalendarOverrideImport.ParseICalendar(ics);

        Assert.Empty(result.Overrides);
        Assert.Equal(
            [(8, "DTSTART"), (14, "DTEND"), (18, "X-DECREE"), (22, "DTSTART"), (28, "RRULE")],
            result.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal("Số văn bản quyết định không được để trống.", result.Errors[2].Reason);
    }

    [Fact]
    public void ParseICalendar_NotACalendar_ReportsLineOne()
    {
        var result = CalendarOverrideImport.ParseICalendar("date,kind,reason,decree\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("VCALENDAR", error.Reason);
    }

    [Fact]
    public void ParseICalendar_MissingEndOfEvent_ReportsTheEventLine()
    {
        var result = CalendarOverrideImport.ParseICalendar("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260213\nSUMMARY:Nghỉ\nX-DECREE:1\n");

        Assert.Equal((2, "VEVENT"), (Assert.Single(result.Errors).Line, result.Errors[0].Field));
    }

    [Fact]
    public void ParseICalendar_ImportedOverrides_CompileIntoTheCalendar()
    {
        const string ics = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20260213
            SUMMARY:Nghỉ bắc cầu Tết
            X-DECREE:123/TB-VPCP
            END:VEVENT
            END:VCALENDAR
            """;

        var calendar = WorkingCalendar.Compile(WorkingCalendarSettings.Default, CalendarOverrideImport.ParseICalendar(ics).Overrides, 2026, 2026);

        Assert.Equal(new DayOff(D(2026, 2, 13), DayOffKind.OverrideOff, "Nghỉ bắc cầu Tết"), calendar.DayOffOn(D(2026, 2, 13)));
    }
}
