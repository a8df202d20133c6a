using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace PublicService.Domain.Persistence;

/// <summary>
/// ASP.NET Data Protection's key ring (it encrypts the sign-in cookie and the antiforgery tokens). With several app
/// nodes on PostgreSQL they must all use the same keys, or a cookie issued by one node is refused by the next; the
/// database they share is the one place every node already reaches.
/// </summary>
public partial class PublicServiceDbContext : IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
