using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Persistence.Catalog;

/// <summary>A private in-memory SQLite database that lives as long as the open connection.</summary>
public sealed class CatalogDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public CatalogDatabase()
    {
        _connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    /// <summary>A fresh context on the shared connection, as each request or job would get.</summary>
    public PublicServiceDbContext NewContext() =>
        new(new DbContextOptionsBuilder<PublicServiceDbContext>().UseSqlite(_connection).Options);

    public void Dispose() => _connection.Dispose();
}
