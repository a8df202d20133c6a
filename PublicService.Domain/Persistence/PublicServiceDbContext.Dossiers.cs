using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Settings;

namespace PublicService.Domain.Persistence;

public partial class PublicServiceDbContext
{
    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<DossierEvent> DossierEvents => Set<DossierEvent>();
    public DbSet<DossierCodeCounter> DossierCodeCounters => Set<DossierCodeCounter>();
    public DbSet<CenterSettings> CenterSettings => Set<CenterSettings>();
}
