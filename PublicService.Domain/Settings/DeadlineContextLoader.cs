using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Calendar;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Persistence;

namespace PublicService.Domain.Settings;

public static class DeadlineContextLoader
{
    /// <summary>The centre's settings row, or the defaults when none is stored yet.</summary>
    public static async Task<CenterSettings> LoadSettingsAsync(this PublicServiceDbContext db, CancellationToken ct = default) =>
        await db.CenterSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == CenterSettings.SingletonId, ct)
        ?? CenterSettings.CreateDefault();

    /// <summary>The current compiled calendar with the current global alert thresholds.</summary>
    public static async Task<DeadlineContext> LoadDeadlineContextAsync(this PublicServiceDbContext db, WorkingCalendarProvider calendars, CancellationToken ct = default)
    {
        var settings = await db.LoadSettingsAsync(ct);
        return new DeadlineContext(calendars.Current, settings.Alerts);
    }

    /// <summary>Compiles the calendar from the stored settings and overrides.</summary>
    public static async Task<WorkingCalendar> CompileCalendarAsync(this PublicServiceDbContext db, CancellationToken ct = default)
    {
        var settings = await db.LoadSettingsAsync(ct);
        var overrides = await db.CalendarOverrides.AsNoTracking().ToListAsync(ct);
        return WorkingCalendar.Compile(settings.Calendar, overrides);
    }
}
