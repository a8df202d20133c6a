using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Persistence;

namespace PublicService.Domain.Audit;

/// <summary>Appends to the audit trail in its own short unit of work, so a line is kept even when the caller's work fails later.</summary>
public sealed class AuditTrail(IDbContextFactory<PublicServiceDbContext> dbFactory, TimeProvider time)
{
    public async Task RecordAsync(string action, string actor, string? subject = null, string? detail = null, string? address = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry(time.GetUtcNow().UtcDateTime, action, actor, subject, detail, address));
        await db.SaveChangesAsync(ct);
    }
}
