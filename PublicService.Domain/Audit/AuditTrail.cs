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

    /// <summary>Records a change with the record's state before and after as JSON (see <see cref="AuditChange"/>); null for "did not exist".</summary>
    public Task RecordChangeAsync<T>(string action, string actor, string? subject, T? before, T? after, string? address = null, CancellationToken ct = default)
        where T : class =>
        RecordAsync(action, actor, subject, AuditChange.Serialize(before, after), address, ct);
}
