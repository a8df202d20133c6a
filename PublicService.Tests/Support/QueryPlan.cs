using Microsoft.EntityFrameworkCore;

namespace PublicService.Tests.Support;

/// <summary>
/// The planner's view of a query on either provider, for tests that assert an index is used: SQLite's
/// <c>EXPLAIN QUERY PLAN</c> detail lines, or PostgreSQL's <c>EXPLAIN</c> lines.
/// </summary>
public static class QueryPlan
{
    /// <summary>Refreshes the planner's statistics, as a production database has them after its first day.</summary>
    public static Task AnalyzeAsync(DbContext db) =>
        db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "ANALYZE;" : "PRAGMA optimize;");

    /// <summary>
    /// The plan of <paramref name="query"/> with its parameters bound. On PostgreSQL a sequential scan is switched off
    /// for the explain only: a test database is small enough that reading the whole table is cheapest, and what the
    /// test asks is whether the index can serve the query, as it must once the table has a million rows.
    /// </summary>
    public static async Task<List<string>> ExplainAsync<T>(DbContext db, IQueryable<T> query)
    {
        var postgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync();
        try
        {
            if (postgres) await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off;");
            await using var command = query.CreateDbCommand();
            command.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
            var plan = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(postgres ? 0 : reader.GetOrdinal("detail")));
            return plan;
        }
        finally
        {
            if (postgres) await db.Database.ExecuteSqlRawAsync("RESET enable_seqscan;");
            await db.Database.CloseConnectionAsync();
        }
    }
}
