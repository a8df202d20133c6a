using Bunit;
using PublicService.Console.Components.Pages.Calendar;

namespace PublicService.Tests.Components.Pages;

public sealed class DueCalculatorTests : CalendarPagesTestBase
{
    [Fact]
    public void Render_FakeClock_ShowsDueOfDossierReceivedNowWithExplanation()
    {
        var page = Render<DueCalculator>();

        // Received Wed 11/02/2026 00:30; 3 working days skip the weekend and Tết (16–20/02).
        Assert.Equal("23/02/2026 17:00", page.Find("[data-testid='due']").TextContent.Trim());
        Assert.NotEmpty(page.FindAll(".ps-explanation li"));
    }

    [Fact]
    public void Compute_ZeroWorkingDays_ShowsVietnameseErrorAtTheAmount()
    {
        var page = Render<DueCalculator>();

        page.Find("input[data-testid='amount']").Change("0");
        page.Find("[data-testid='compute']").Click();

        var amountControl = page.Find("input[data-testid='amount']").Closest(".mud-input-control");
        Assert.NotNull(amountControl);
        Assert.Contains("Thời hạn phải là số nguyên từ 1 đến 1000.", amountControl.TextContent);
        Assert.Empty(page.FindAll("[data-testid='due']"));
    }
}
