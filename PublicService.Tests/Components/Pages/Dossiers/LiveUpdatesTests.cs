using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using PublicService.Console.Components.Pages.Dossiers;
using PublicService.Console.Live;
using PublicService.Domain.Catalog;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Staff;

namespace PublicService.Tests.Components.Pages.Dossiers;

/// <summary>
/// The work queue and the dossier page follow committed deadline scans without polling or reloading: the scan
/// publishes through the broadcaster, the open page re-colours what it shows.
/// </summary>
public sealed class LiveUpdatesTests : DossierPagesTestBase
{
    private const string Justice = "000.00.15.H48";

    private DeadlineScanner Scanner => new(Database.Factory, Database.Calendars, Clock, [Broadcaster]);

    private static string Level(IRenderedComponent<IComponent> page, string testId) =>
        page.Find($"[data-testid='{testId}']").GetAttribute("data-level")!;

    private async Task<Dossier> InProcessOneStopAsync()
    {
        var dossier = await ReceiveOneStopAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));
        return await Workflow.StartProcessingAsync(dossier.Id, dossier.RowVersion, "tiepnhan@h48.demo", null);
    }

    /// <summary>The demo's first interconnected procedure (investment policy, 35 working days, step 1: 3 days at the finance department), at step 1.</summary>
    private async Task<Dossier> InProcessInterconnectedAsync()
    {
        Dossier dossier;
        await using (var db = Database.Open())
        {
            var version = await db.ProcedureVersions.AsNoTracking()
                .Where(v => v.Kind == ProcedureKind.Interconnected && v.Status == VersionStatus.Published).OrderBy(v => v.Id).FirstAsync();
            var @case = version.Cases[0];
            dossier = await Reception.ReceiveAsync(new ReceiveDossierCommand(version.ProcedureId, @case.Code, @case.Channels[0].Channel,
                version.ImplementingAgencyId, new Applicant(ApplicantKind.Organisation, "Công ty Cổ phần Đầu tư Sa Thầy", "6100123456", null, null),
                [.. @case.Documents.Select(d => d.Name)]), "tiepnhan@h48.demo");
        }
        Clock.Advance(TimeSpan.FromMinutes(5));
        return await Workflow.StartProcessingAsync(dossier.Id, dossier.RowVersion, "tiepnhan@h48.demo", null);
    }

    [Fact]
    public async Task Queue_ScanMakesARowOverdue_TheRowTurnsRedWithoutReload()
    {
        var dossier = await InProcessOneStopAsync();
        SignInAs(StaffRoles.ProcessingOfficer, AgencyId(Justice));
        var page = Render<WorkQueue>();
        page.WaitForAssertion(() => Assert.Equal("Normal", Level(page, $"level-{dossier.Code}")));
        Assert.Equal(1, Broadcaster.SubscriberCount);

        Clock.SetUtcNow(dossier.DueAtUtc.AddDays(1));
        var result = await Scanner.ScanAsync();

        Assert.Contains(result.Changes, c => c.DossierId == dossier.Id && c.To == AlertLevel.Overdue);
        page.WaitForAssertion(() => Assert.Equal("Overdue", Level(page, $"level-{dossier.Code}")));
        Assert.Contains("quá hạn", page.Find($"[data-testid='level-{dossier.Code}']").TextContent);
        Assert.Contains("ps-level-overdue", page.Find($"[data-testid='level-{dossier.Code}']").ClassName);
    }

    [Fact]
    public async Task Queue_ScanOfOtherDossiers_DoesNotQueryAgain()
    {
        var dossier = await InProcessOneStopAsync();
        SignInAs(StaffRoles.ProcessingOfficer, AgencyId(Justice));
        var page = Render<WorkQueue>();
        page.WaitForAssertion(() => Assert.Equal("Normal", Level(page, $"level-{dossier.Code}")));

        // Time passed, but the broadcast names only a dossier not on screen: the row keeps what it was loaded with.
        Clock.SetUtcNow(dossier.DueAtUtc.AddDays(1));
        await Broadcaster.OnAlertsChangedAsync(new DeadlineScanResult(Clock.GetUtcNow().UtcDateTime, 1, 1, 0, 0, 1, 0, false,
            [new AlertChange(dossier.Id + 1000, "khác", AlertLevel.DueToday, AlertLevel.Overdue)]), CancellationToken.None);
        page.Render();
        Assert.Equal("Normal", Level(page, $"level-{dossier.Code}"));

        await Broadcaster.OnAlertsChangedAsync(new DeadlineScanResult(Clock.GetUtcNow().UtcDateTime, 1, 1, 0, 0, 1, 0, false,
            [new AlertChange(dossier.Id, dossier.Code, AlertLevel.Normal, AlertLevel.Overdue)]), CancellationToken.None);
        page.WaitForAssertion(() => Assert.Equal("Overdue", Level(page, $"level-{dossier.Code}")));
    }

    [Fact]
    public async Task Queue_InterconnectedStepNearItsDeadline_ShowsTheStepLevelWhileTheDossierIsWithinTime()
    {
        var dossier = await InProcessInterconnectedAsync();
        Assert.True(dossier.HasOwnStepDeadline);
        SignInAs(StaffRoles.ProcessingOfficer, dossier.CurrentAgencyId!.Value);
        var page = Render<WorkQueue>();
        page.WaitForAssertion(() => Assert.Equal("Normal", Level(page, $"step-level-{dossier.Code}")));
        Assert.StartsWith("Bước 1: Trong hạn", page.Find($"[data-testid='step-level-{dossier.Code}']").TextContent.Trim());

        Clock.SetUtcNow(dossier.StepDueAtUtc!.Value.AddHours(-1));
        var result = await Scanner.ScanAsync();

        Assert.Contains(result.Changes, c => c.DossierId == dossier.Id && c.Step && c.To == AlertLevel.DueToday);
        Assert.Equal(1, result.StepChanged);
        page.WaitForAssertion(() => Assert.Equal("DueToday", Level(page, $"step-level-{dossier.Code}")));
        Assert.Equal("Normal", Level(page, $"level-{dossier.Code}"));
        Assert.StartsWith("Bước 1: Đến hạn hôm nay", page.Find($"[data-testid='step-level-{dossier.Code}']").TextContent.Trim());
    }

    [Fact]
    public async Task Queue_OneStopDossier_HasNoStepLevel()
    {
        var dossier = await InProcessOneStopAsync();
        SignInAs(StaffRoles.ProcessingOfficer, AgencyId(Justice));

        var page = Render<WorkQueue>();

        page.WaitForAssertion(() => Assert.Equal("Normal", Level(page, $"level-{dossier.Code}")));
        Assert.Empty(page.FindAll($"[data-testid='step-level-{dossier.Code}']"));
    }

    [Fact]
    public async Task Queue_ApplicantPastTheSupplementDeadline_IsMarkedSupplementOverdue()
    {
        var dossier = await InProcessOneStopAsync();
        var deadline = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddDays(2));
        await Workflow.RequestSupplementAsync(dossier.Id, dossier.RowVersion, "xuly", "Thiếu bản sao", deadline, []);
        Clock.Advance(TimeSpan.FromDays(4));
        SignInAs(StaffRoles.ProcessingOfficer, AgencyId(Justice));

        var page = Render<WorkQueue>();

        page.WaitForAssertion(() => Assert.Equal("Quá hạn bổ sung", page.Find($"[data-testid='supplement-overdue-{dossier.Code}']").TextContent.Trim()));
    }

    [Fact]
    public async Task DossierPage_ScanMakesItOverdue_TheHeaderLevelChangesWithoutReload()
    {
        var dossier = await InProcessOneStopAsync();
        SignInAs(StaffRoles.ProcessingOfficer, AgencyId(Justice));
        var page = Render<DossierDetails>(parameters => parameters.Add(p => p.Id, dossier.Id));
        page.WaitForAssertion(() => Assert.Equal("Normal", Level(page, "alert-level")));

        Clock.SetUtcNow(dossier.DueAtUtc.AddDays(1));
        await Scanner.ScanAsync();

        page.WaitForAssertion(() => Assert.Equal("Overdue", Level(page, "alert-level")));
        Assert.StartsWith("Quá hạn", page.Find("[data-testid='alert-level']").TextContent.Trim());
        // The scan's event is in the history too.
        Assert.Contains("Trong hạn → Quá hạn", page.Find("[data-testid='timeline']").TextContent);
    }

    [Fact]
    public async Task DossierPage_InterconnectedStep_ShowsAndFollowsTheStepLevel()
    {
        var dossier = await InProcessInterconnectedAsync();
        SignInAs(StaffRoles.ProcessingOfficer, dossier.CurrentAgencyId!.Value);
        var page = Render<DossierDetails>(parameters => parameters.Add(p => p.Id, dossier.Id));
        page.WaitForAssertion(() => Assert.Equal("Normal", Level(page, "step-level")));

        Clock.SetUtcNow(dossier.StepDueAtUtc!.Value.AddDays(1));
        await Scanner.ScanAsync();

        page.WaitForAssertion(() => Assert.Equal("Overdue", Level(page, "step-level")));
        Assert.Equal("Normal", Level(page, "alert-level"));
        Assert.Contains("Cảnh báo bước: Trong hạn → Quá hạn", page.Find("[data-testid='timeline']").TextContent);
    }

    [Fact]
    public async Task DossierPage_AnotherOfficerActs_ThePageSaysSoAndShowsTheNewState()
    {
        var dossier = await InProcessOneStopAsync();
        SignInAs(StaffRoles.ProcessingOfficer, AgencyId(Justice));
        var page = Render<DossierDetails>(parameters => parameters.Add(p => p.Id, dossier.Id));
        page.WaitForAssertion(() => Assert.Contains("Đang xử lý", page.Find("[data-testid='status']").TextContent));
        Assert.Equal(1, ChangeFeed.SubscriberCount);

        var changed = await Workflow.AwaitPaymentAsync(dossier.Id, dossier.RowVersion, "xuly.khac@h48.demo", "Lệ phí");
        await ChangeFeed.PublishAsync(new object(), new DossierChanged(changed.Id, "xuly.khac@h48.demo", changed.LastChangedAtUtc, changed.RowVersion));

        page.WaitForAssertion(() => Assert.Contains("xuly.khac@h48.demo", page.Find("[data-testid='stale']").TextContent));
        Assert.Contains("Chờ thực hiện nghĩa vụ tài chính", page.Find("[data-testid='status']").TextContent);
    }

    [Fact]
    public async Task Dispose_Pages_UnsubscribeFromBothFeeds()
    {
        var dossier = await InProcessOneStopAsync();
        var queue = Render<WorkQueue>();
        var details = Render<DossierDetails>(parameters => parameters.Add(p => p.Id, dossier.Id));
        Assert.Equal(2, Broadcaster.SubscriberCount);

        queue.Instance.Dispose();
        details.Instance.Dispose();

        Assert.Equal((0, 0), (Broadcaster.SubscriberCount, ChangeFeed.SubscriberCount));
    }
}
