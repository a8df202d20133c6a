using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PublicService.Domain.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PublicServiceDbContext>
{
    public PublicServiceDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PublicServiceDbContext>();
        options.UseSqlite("Data Source=design-time.db");
        return new PublicServiceDbContext(options.Options);
    }
}

/// <summary>The same for PostgreSQL (<c>--context PostgresDbContext</c>); adding a migration needs no server.</summary>
public sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresDbContext>
{
    public PostgresDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PublicServiceDbContext>();
        options.UseNpgsql("Host=127.0.0.1;Database=publicservice_design");
        return new PostgresDbContext(options.Options);
    }
}
