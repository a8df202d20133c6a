using Bunit;
using PublicService.Console.Components.Pages.Administration;
using PublicService.Domain.Audit;
using PublicService.Domain.Calendar;

namespace PublicService.Tests.Components.Pages.Administration;

public sealed class AuditLogPageTests : AdministrationPagesTestBase
{
    private async Task SeedTrailAsync()
    {
        await using var db = Database.Open();
        db.AuditEntries.AddRange(
            new AuditEntry(VietnamTime.ToUtc(new DateTime(2026, 3, 2, 8, 0, 0)), AuditActions.SignIn, "quantri@h48.demo", address: "10.0.0.7"),
            new AuditEntry(VietnamTime.ToUtc(new DateTime(2026, 3, 2, 9, 0, 0)), AuditActions.AccountUpdated, "quantri2@h48.demo", "xuly@h48.demo",
                AuditChange.Serialize(new Shown("Phạm Văn Dũng", "ProcessingOfficer", false), new Shown("<b>Phạm</b> Văn Dũng", "ProcessingOfficer, Supervisor", false))),
            new AuditEntry(VietnamTime.ToUtc(new DateTime(2026, 3, 2, 10, 0, 0)), AuditActions.CatalogImported, "bientap@h48.demo", "danh-muc.xlsx", "12 thủ tục"));
        await db.SaveChangesAsync();
    }

    private static List<string> Actors(IRenderedComponent<AuditLog> page) =>
        page.FindAll("[data-testid='audit'] tbody tr.mud-table-row").Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim()).ToList();

    [Fact]
    public async Task Render_ListsNewestFirstWithActionNamesInWords()
    {
        await SeedTrailAsync();

        var page = Render<AuditLog>();

        page.WaitForAssertion(() => Assert.Equal(["bientap@h48.demo", "quantri2@h48.demo", "quantri@h48.demo"], Actors(page)));
        Assert.Contains("Nhập danh mục", page.Find("[data-testid='audit'] tbody").TextContent);
        Assert.Contains("02/03/2026 10:00", page.Find("[data-testid='audit'] tbody").TextContent);
    }

    [Fact]
    public async Task Filter_Actor_QueriesWithThatFilterAndShowsOnlyItsLines()
    {
        await SeedTrailAsync();
        var page = Render<AuditLog>();
        page.WaitForAssertion(() => Assert.Equal(3, Actors(page).Count));

        page.Find("input[data-testid='audit-actor']").Input("QUANTRI2");
        AdvanceClockUntil(() => page.Instance.LastFilter.Actor is not null);

        page.WaitForAssertion(() => Assert.Equal(["quantri2@h48.demo"], Actors(page)));
        Assert.Equal(new AuditFilter(Actor: "QUANTRI2"), page.Instance.LastFilter);
    }

    [Fact]
    public async Task Filter_Subject_QueriesWithThatFilter()
    {
        await SeedTrailAsync();
        var page = Render<AuditLog>();
        page.WaitForAssertion(() => Assert.Equal(3, Actors(page).Count));

        page.Find("input[data-testid='audit-subject']").Input("xlsx");
        AdvanceClockUntil(() => page.Instance.LastFilter.Subject is not null);

        page.WaitForAssertion(() => Assert.Equal(["bientap@h48.demo"], Actors(page)));
        Assert.Equal("xlsx", page.Instance.LastFilter.Subject);
    }

    [Fact]
    public async Task Expand_Change_ShowsFieldByFieldDiffAsTextWithChangedFieldsMarked()
    {
        await SeedTrailAsync();
        var page = Render<AuditLog>();
        page.WaitForAssertion(() => Assert.Equal(3, Actors(page).Count));

        page.FindAll("[data-testid='audit'] tbody tr.mud-table-row")[1].QuerySelector("button")!.Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("table.ps-audit-diff, .ps-audit-diff table")));
        var rows = page.FindAll(".ps-audit-diff tbody tr")
            .Select(r => r.GetAttribute("data-changed") + " | " + string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal(
            [
                "true | Họ và tên | Phạm Văn Dũng | <b>Phạm</b> Văn Dũng",
                "true | Vai trò | Cán bộ xử lý hồ sơ | Cán bộ xử lý hồ sơ, Giám sát",
                "false | Vô hiệu hoá | Không | Không",
            ],
            rows);
        // Rendered as text: the stored markup is not an element.
        Assert.Empty(page.FindAll(".ps-audit-diff b"));
    }

    private sealed record Shown(string FullName, string Roles, bool Disabled);
}
