using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Catalog;

namespace PublicService.Domain.Persistence;

public partial class PublicServiceDbContext
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Field> Fields => Set<Field>();
    public DbSet<Level> Levels => Set<Level>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<Procedure> Procedures => Set<Procedure>();
    public DbSet<ProcedureVersion> ProcedureVersions => Set<ProcedureVersion>();
}
