using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Audit;

namespace PublicService.Domain.Persistence;

public partial class PublicServiceDbContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
}
