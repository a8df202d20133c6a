using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Audit;
using PublicService.Domain.Calendar;
using PublicService.Tests.Support;

namespace PublicService.Tests.Domain.Audit;

/// <summary>The before/after detail format and the viewer's filters, on a real SQLite trail.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.Open();
        db.AuditEntries.AddRange(
            Line(new DateTime(2026, 3, 1, 23, 30, 0), AuditActions.SignIn, "quantri@h48.demo"),
            Line(new DateTime(2026, 3, 2, 8, 0, 0), AuditActions.AccountCreated, "quantri@h48.demo", "xuly@h48.demo"),
            Line(new DateTime(2026, 3, 2, 9, 0, 0), AuditActions.AccountDisabled, "QuanTri2@h48.demo", "xuly@h48.demo"),
            Line(new DateTime(2026, 3, 3, 0, 15, 0), AuditActions.CatalogImported, "bientap@h48.demo", "danh-muc_50%.xlsx"),
            Line(new DateTime(2026, 3, 3, 10, 0, 0), AuditActions.AlertThresholdsChanged, "quantri@h48.demo", "alerts"));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>A line at a Vietnam wall-clock time.</summary>
    private static AuditEntry Line(DateTime vietnam, string action, string actor, string? subject = null) =>
        new(VietnamTime.ToUtc(vietnam), action, actor, subject);

    private async Task<List<string>> ActionsAsync(AuditFilter filter)
    {
        await using var db = _database.Open();
        return await db.AuditEntries.Matching(filter).NewestFirst().Select(e => e.Action).ToListAsync();
    }

    [Fact]
    public async Task Matching_NoFilter_ListsEverythingNewestFirst()
    {
        Assert.Equal(
            [AuditActions.AlertThresholdsChanged, AuditActions.CatalogImported, AuditActions.AccountDisabled, AuditActions.AccountCreated, AuditActions.SignIn],
            await ActionsAsync(new AuditFilter()));
    }

    [Fact]
    public async Task Matching_Area_KeepsThatKindOfRecord()
    {
        Assert.Equal([AuditActions.AccountDisabled, AuditActions.AccountCreated], await ActionsAsync(new AuditFilter(Area: "account")));
    }

    [Fact]
    public async Task Matching_ActionSubjectAndActor_AreCombined()
    {
        Assert.Equal([AuditActions.AccountCreated], await ActionsAsync(new AuditFilter(Action: AuditActions.AccountCreated, Subject: "xuly")));
        // Part of the actor, any case.
        Assert.Equal([AuditActions.AccountDisabled], await ActionsAsync(new AuditFilter(Actor: "quantri2")));
        // A % typed is a percent sign, not a wildcard.
        Assert.Equal([AuditActions.CatalogImported], await ActionsAsync(new AuditFilter(Subject: "_50%")));
        Assert.Empty(await ActionsAsync(new AuditFilter(Subject: "%x%")));
    }

    [Fact]
    public async Task Matching_DateRange_IsInVietnamDaysBothIncluded()
    {
        // 03/03/2026 00:15 in Vietnam is 02/03 in UTC; it belongs to the 3rd. 01/03 23:30 belongs to the 1st.
        Assert.Equal([AuditActions.AccountDisabled, AuditActions.AccountCreated],
            await ActionsAsync(new AuditFilter(From: new DateOnly(2026, 3, 2), To: new DateOnly(2026, 3, 2))));
        Assert.Equal([AuditActions.AlertThresholdsChanged, AuditActions.CatalogImported],
            await ActionsAsync(new AuditFilter(From: new DateOnly(2026, 3, 3))));
    }

    [Fact]
    public void Change_RoundTrip_ListsEveryFieldAndMarksTheChangedOnes()
    {
        var detail = AuditChange.Serialize(
            new Sample("Lê Thị Cúc", ["A", "B"], false, null),
            new Sample("Lê Thị Cúc", ["A"], true, "<b>x</b>"));

        Assert.Contains("Lê Thị Cúc", detail);
        Assert.Equal(
            [
                new AuditFieldChange("Name", "Lê Thị Cúc", "Lê Thị Cúc"),
                new AuditFieldChange("Roles", "A, B", "A"),
                new AuditFieldChange("Disabled", "false", "true"),
                new AuditFieldChange("Note", null, "<b>x</b>"),
            ],
            AuditChange.Parse(detail));
        Assert.Equal([false, true, true, true], AuditChange.Parse(detail)!.Select(c => c.Changed));
    }

    [Fact]
    public void Change_Creation_HasOnlyAfterValues()
    {
        var fields = AuditChange.Parse(AuditChange.Serialize(null, new Sample("An", [], false, null)))!;

        Assert.All(fields, f => Assert.Null(f.Before));
        Assert.Equal("An", fields[0].After);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("roles: Administrator; agencies: ")]
    [InlineData("{\"before\":{\"a\":1},\"after\":")]
    [InlineData("{\"other\":1}")]
    public void Parse_PlainOrClippedDetail_IsNotAChange(string? detail)
    {
        Assert.Null(AuditChange.Parse(detail));
    }

    [Fact]
    public void Actions_AreAllFoundWithTheirAreas()
    {
        Assert.Contains(AuditActions.PasswordReset, AuditActions.All);
        Assert.Equal(["auth", "account", "catalog", "calendar", "settings"], AuditActions.Areas);
    }

    private sealed record Sample(string Name, IReadOnlyList<string> Roles, bool Disabled, string? Note);
}
