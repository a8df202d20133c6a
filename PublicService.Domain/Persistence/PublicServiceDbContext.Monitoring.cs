using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Monitoring;

namespace PublicService.Domain.Persistence;

public partial class PublicServiceDbContext
{
    public DbSet<ScanLease> ScanLeases => Set<ScanLease>();
    public DbSet<BoardCounter> BoardCounters => Set<BoardCounter>();
}
