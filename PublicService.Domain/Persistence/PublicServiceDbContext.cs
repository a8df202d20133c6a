using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Staff;

namespace PublicService.Domain.Persistence;

/// <summary>
/// The one database of the centre, Identity's tables included (staff sign in against the same database the
/// dossiers live in, so one backup holds both). DbSets are declared per concept in partial files
/// (<c>PublicServiceDbContext.Catalog.cs</c>, …); mappings live in one <c>IEntityTypeConfiguration</c> per aggregate.
/// Add a migration with:
/// <c>dotnet ef migrations add NAME -p PublicService.Domain -s PublicService.Console -o Persistence/Migrations/Sqlite</c>
/// and the same change for PostgreSQL (<see cref="PostgresDbContext"/>):
/// <c>dotnet ef migrations add NAME -p PublicService.Domain -s PublicService.Console --context PostgresDbContext -o Persistence/Migrations/Postgres</c>
/// </summary>
public partial class PublicServiceDbContext(DbContextOptions<PublicServiceDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Identity maps its tables first; our configurations may then refine StaffUser.
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PublicServiceDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
