using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PublicService.Domain.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PublicServiceDbContext>
{
    public PublicServiceDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PublicServiceDbContext>();
        options.UseSqlite("Data Source=design-time.db");
        return new PublicServiceDbContext(options.Options);
    }
}
