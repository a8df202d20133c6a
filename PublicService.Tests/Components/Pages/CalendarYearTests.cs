using Bunit;
using PublicService.Console.Components.Pages.Calendar;

namespace PublicService.Tests.Components.Pages;

public sealed class CalendarYearTests : CalendarPagesTestBase
{
    [Fact]
    public void Render_FakeClockIn2026_ListsThatYearsHolidaysInVietnamese()
    {
        var page = Render<CalendarYear>();

        var rows = page.FindAll("tbody tr").Select(row => row.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(["01/01/2026", "Thứ Năm", "Tết Dương lịch", "Tết Dương lịch"], rows);
        Assert.Contains(rows, row => row[0] == "02/09/2026" && row[2] == "Quốc khánh");
        Assert.Contains(rows, row => row[2] == "Giỗ Tổ Hùng Vương");
    }
}
