using Microsoft.EntityFrameworkCore;

namespace PublicService.Domain.Persistence;

/// <summary>
/// The same model on PostgreSQL. It exists only so that EF Core keeps a second set of migrations: migrations
/// belong to a context type, and SQL types, triggers and index filters differ between the providers. Code keeps
/// using <see cref="PublicServiceDbContext"/>; <see cref="PublicServiceDatabase.CreateContext"/> picks the type.
/// </summary>
public sealed class PostgresDbContext(DbContextOptions<PublicServiceDbContext> options) : PublicServiceDbContext(options);
