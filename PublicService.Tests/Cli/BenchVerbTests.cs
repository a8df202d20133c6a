using System.Globalization;
using Npgsql;
using PublicService.Tests.Support;

namespace PublicService.Tests.Cli;

/// <summary>The bench verb's output contract (not its timings, which depend on the machine).</summary>
public sealed class BenchVerbTests
{
    private static readonly string[] Figures =
    [
        "incremental_scan_vs_sql_floor", "naive_ef_vs_incremental_scan", "quiet_scan_ms", "calendar_recompute_vs_sql_floor",
        "due_dates_fast_vs_day_loop", "board_counts_ms", "overdue_page_ms", "report_agency_ms", "report_officer_ms", "db_bytes_per_dossier", "peak_working_set_mb",
        "catalog_import_100_ms", "procedure_list_page_ms",
    ];

    [Fact]
    public async Task Bench_SmallRun_PrintsEveryFigureAsANumberAndDeletesItsDatabase()
    {
        // The bench makes its own database; the configured one must stay untouched.
        var configured = Path.Combine(Path.GetTempPath(), $"publicservice-bench-untouched-{Guid.NewGuid():N}.db");

        var result = await ConsoleProcess.RunAsync($"Data Source={configured}", "bench", "--dossiers", "2000", "--procedures", "100");

        Assert.True(result.ExitCode == 0, result.Error);
        var values = result.Lines.Where(l => l.Contains('=') && !l.Contains(' '))
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        foreach (var name in Figures)
        {
            Assert.True(values.TryGetValue(name, out var text), $"{name} missing from:\n{result.Output}");
            Assert.True(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"{name}={text}");
        }
        var database = result.Lines[0].Split(' ')[1];
        Assert.False(File.Exists(database));
        Assert.False(File.Exists(configured));
    }

    /// <summary>The dossier figures (the catalog's are SQLite files, not part of a PostgreSQL run).</summary>
    private static readonly string[] DossierFigures = [.. Figures.Where(f => !f.StartsWith("catalog_", StringComparison.Ordinal) && !f.StartsWith("procedure_", StringComparison.Ordinal))];

    [Fact]
    public async Task Bench_OnPostgres_PrintsEveryDossierFigureAsANumberAndDropsItsDatabase()
    {
        var server = await PostgresServer.GetAsync();
        // The configured database is only where the server is found: the bench creates and drops its own.
        var result = await ConsoleProcess.RunAsync(server.ConnectionString("postgres"), "bench", "--provider", "Postgres", "--dossiers", "2000");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        var values = result.Lines.Where(l => l.Contains('=') && !l.Contains(' '))
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        foreach (var name in DossierFigures)
        {
            Assert.True(values.TryGetValue(name, out var text), $"{name} missing from:\n{result.Output}");
            Assert.True(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"{name}={text}");
        }
        var database = result.Lines[0].Split(' ')[1];
        Assert.StartsWith("publicservice_bench_", database, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname LIKE 'publicservice\\_bench\\_%'", connection);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Bench_UnknownProvider_IsRefusedWithTheSupportedOnes()
    {
        var result = await ConsoleProcess.RunAsync($"Data Source={Path.Combine(Path.GetTempPath(), $"publicservice-bench-untouched-{Guid.NewGuid():N}.db")}", "bench", "--provider", "Oracle");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'Sqlite' or 'Postgres'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_CatalogOnly_PrintsTheCatalogFiguresWithTheRowsTheListFound()
    {
        var result = await ConsoleProcess.RunAsync($"Data Source={Path.Combine(Path.GetTempPath(), $"publicservice-bench-untouched-{Guid.NewGuid():N}.db")}", "bench", "--catalog", "--procedures", "300");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(result.Lines, l => l.StartsWith("catalog workbook: 300 procedures, 50 agencies", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Lines, l => l.StartsWith("incremental_scan", StringComparison.Ordinal));
        var values = result.Lines.Where(l => l.Contains('=') && !l.Contains(' ')).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        foreach (var name in new[] { "catalog_import_300_ms", "catalog_xlsx_read_ms", "procedure_list_page_ms", "procedure_list_facets_ms" })
            Assert.True(double.TryParse(values.GetValueOrDefault(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms > 0, $"{name} in:\n{result.Output}");
        // The list question must find something, or its time says nothing.
        Assert.Matches(@"procedure_list_page_ms .* \d+ rows of [1-9]\d*", string.Join("\n", result.Lines));
    }
}
