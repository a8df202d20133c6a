using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Audit;

namespace PublicService.Domain.Persistence;

public sealed partial class PublicServiceDbContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
}
