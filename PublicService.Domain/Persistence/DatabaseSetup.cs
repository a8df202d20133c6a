using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Settings;

namespace PublicService.Domain.Persistence;

public static class DatabaseSetup
{
    /// <summary>Applies pending migrations and returns their names; turns on WAL and stores the default settings row once.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(PublicServiceDbContext db, CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers (boards, reports) run while the scan or a reception writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
        }
        if (!await db.CenterSettings.AnyAsync(ct))
        {
            db.CenterSettings.Add(CenterSettings.CreateDefault());
            await db.SaveChangesAsync(ct);
        }
        return pending;
    }
}
