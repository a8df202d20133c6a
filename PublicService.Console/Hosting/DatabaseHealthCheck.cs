using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PublicService.Domain.Persistence;

namespace PublicService.Console.Hosting;

/// <summary><c>/health</c> is healthy when the database answers; a load balancer takes the node out otherwise.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<PublicServiceDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
    }
}
