using Microsoft.Data.Sqlite;

namespace PublicService.Tests.Support;

/// <summary>A SQLite file name under the temp folder, deleted with its WAL and shared-memory files on dispose.</summary>
public sealed class TemporarySqliteFile(string purpose) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"publicservice-{purpose}-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before deleting.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(Path + suffix);
    }
}
