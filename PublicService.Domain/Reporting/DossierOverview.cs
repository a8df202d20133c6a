using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using PublicService.Domain.Staff;

namespace PublicService.Domain.Reporting;

/// <summary>The numbers on the home page: the catalog's size, dossiers per status and running dossiers per alert level.</summary>
public sealed record DossierOverview(
    int Procedures,
    int Agencies,
    IReadOnlyDictionary<DossierStatus, int> ByStatus,
    IReadOnlyDictionary<AlertLevel, int> RunningByLevel)
{
    public int Count(DossierStatus status) => ByStatus.GetValueOrDefault(status);
    public int Count(AlertLevel level) => RunningByLevel.GetValueOrDefault(level);
    public int Open => ByStatus.Where(s => !s.Key.IsFinal() && s.Key != DossierStatus.ResultReady).Sum(s => s.Value);

    public static Task<DossierOverview> LoadAsync(PublicServiceDbContext db, CancellationToken ct = default) =>
        LoadAsync(db, StaffScope.System, ct);

    /// <summary>The same, counting only the dossiers <paramref name="scope"/> may see (the catalog counts are the centre's).</summary>
    public static async Task<DossierOverview> LoadAsync(PublicServiceDbContext db, StaffScope scope, CancellationToken ct = default)
    {
        var dossiers = db.Dossiers.VisibleTo(scope);
        var byStatus = await dossiers.GroupBy(d => d.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        var running = new[] { DossierStatus.Received, DossierStatus.InProcess };
        var byLevel = await dossiers.Where(d => running.Contains(d.Status)).GroupBy(d => d.AlertLevel)
            .Select(g => new { Level = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Level, g => g.Count, ct);
        return new DossierOverview(await db.Procedures.CountAsync(ct), await db.Agencies.CountAsync(ct), byStatus, byLevel);
    }
}
