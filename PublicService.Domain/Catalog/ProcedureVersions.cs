using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Persistence;

namespace PublicService.Domain.Catalog;

/// <summary>Questions about stored versions that reception and the catalog must answer the same way.</summary>
public static class ProcedureVersions
{
    /// <summary>
    /// The version a dossier received on <paramref name="day"/> is handled under, read from the database with the
    /// rule of <see cref="Procedure.PublishedVersionOn"/>: the latest non-draft version effective by then, unless it
    /// is retired from that day or earlier. Null when none is in force.
    /// </summary>
    public static async Task<ProcedureVersion?> InForceOnAsync(
        PublicServiceDbContext db, int procedureId, DateOnly day, CancellationToken ct = default)
    {
        var latest = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.ProcedureId == procedureId && v.Status != VersionStatus.Draft && v.EffectiveFrom <= day)
            .OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Number)
            .FirstOrDefaultAsync(ct);
        return latest is not null && latest.IsInForceOn(day) ? latest : null;
    }
}
