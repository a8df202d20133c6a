using Microsoft.EntityFrameworkCore;

namespace PublicService.Domain.Persistence;

/// <summary>
/// The one database of the centre. DbSets are declared per concept in partial files
/// (<c>PublicServiceDbContext.Catalog.cs</c>, …); mappings live in one <c>IEntityTypeConfiguration</c> per aggregate.
/// Add a migration with:
/// <c>dotnet ef migrations add NAME -p PublicService.Domain -s PublicService.Console -o Persistence/Migrations/Sqlite</c>
/// </summary>
public sealed partial class PublicServiceDbContext(DbContextOptions<PublicServiceDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PublicServiceDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
