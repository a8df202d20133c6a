using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PublicService.Tests.Support;

namespace PublicService.Tests.Persistence;

/// <summary>The connection PRAGMAs are in force on every open, and are sent once per native connection, not on every pooled open.</summary>
public sealed class SqlitePragmasTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<(object Handle, long BusyTimeout, long CacheSize)> OpenAndReadAsync(long? setBusyTimeout = null)
    {
        await using var db = _database.Open();
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var busy = Pragma(connection, "busy_timeout");
        var cache = Pragma(connection, "cache_size");
        if (setBusyTimeout is { } value) Pragma(connection, $"busy_timeout = {value}");
        var handle = connection.Handle!;
        await db.Database.CloseConnectionAsync();
        return (handle, busy, cache);
    }

    private static long Pragma(SqliteConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L);
    }

    [Fact]
    public async Task PooledReopen_KeepsTheSettingsWithoutSendingThemAgain()
    {
        SqliteConnection.ClearAllPools();
        var first = await OpenAndReadAsync(setBusyTimeout: 1234);
        var pooled = await OpenAndReadAsync();
        SqliteConnection.ClearAllPools();
        var fresh = await OpenAndReadAsync();

        Assert.Equal((10000L, -65536L), (first.BusyTimeout, first.CacheSize));
        // The same native connection, and the PRAGMAs not re-sent: the value set by hand survived.
        Assert.Same(first.Handle, pooled.Handle);
        Assert.Equal(1234L, pooled.BusyTimeout);
        Assert.Equal(-65536L, pooled.CacheSize);
        // A new native connection gets them.
        Assert.NotSame(first.Handle, fresh.Handle);
        Assert.Equal((10000L, -65536L), (fresh.BusyTimeout, fresh.CacheSize));
    }
}
