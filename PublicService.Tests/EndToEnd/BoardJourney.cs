using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;

namespace PublicService.Tests.EndToEnd;

/// <summary>What the live-board journeys (one node, two nodes) share: picking the next instant to scan at, reading counts, latencies.</summary>
internal static class BoardJourney
{
    /// <summary>Two seconds past the earliest due instant still ahead of a running dossier that is not overdue yet.</summary>
    public static async Task<DateTimeOffset> NextOverdueInstantAsync(AppProcess app)
    {
        var now = app.Now.UtcDateTime;
        await using var db = app.OpenDatabase();
        var due = await db.Dossiers.AsNoTracking()
            .Where(d => (d.Status == DossierStatus.Received || d.Status == DossierStatus.InProcess)
                        && d.AlertLevel != AlertLevel.Overdue && d.NextAlertAtUtc != null && d.DueAtUtc > now)
            .OrderBy(d => d.DueAtUtc)
            .Select(d => (DateTime?)d.DueAtUtc)
            .FirstOrDefaultAsync();
        Assert.True(due is not null, $"No running dossier is left to fall overdue after {app.Now:O}; the demo data has too few.");
        return new DateTimeOffset(DateTime.SpecifyKind(due.Value, DateTimeKind.Utc)).AddSeconds(2);
    }

    /// <summary>
    /// Closes the snackbars as a person would, and waits for them to be gone: MudBlazor does not show a message
    /// again while an identical one is still up (even fading out), so a stale one could swallow the next update.
    /// </summary>
    public static async Task DismissSnackbarsAsync(IPage board)
    {
        var snackbars = board.Locator(".mud-snackbar");
        for (var i = await snackbars.CountAsync() - 1; i >= 0; i--)
            await snackbars.Nth(i).Locator("button").First.ClickAsync();
        // Checked every frame: the fade-out takes about two seconds, and the assertion's back-off would add up to one more per round.
        await board.WaitForFunctionAsync("() => document.querySelectorAll('.mud-snackbar').length === 0");
    }

    public static int ParseCount(string text) => int.Parse(new string(text.Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);

    public static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
