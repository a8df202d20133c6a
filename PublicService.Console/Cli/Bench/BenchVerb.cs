using Microsoft.Data.Sqlite;
using Npgsql;
using PublicService.Console.Hosting;
using PublicService.Domain.Persistence;

namespace PublicService.Console.Cli.Bench;

/// <summary>
/// <c>bench [--dossiers N] [--plans] [--catalog] [--procedures N]</c>: the performance suite of issue 8 on a fresh SQLite file of its own (in a
/// temporary directory, deleted afterwards), never on the configured database: it loads N dossiers, measures our
/// code against hand-written SQL floors and naive implementations, and prints a table then one
/// <c>name=value</c> line per figure. <c>--plans</c> also prints the query plan of every measured statement. The catalog
/// figures (<see cref="CatalogBench"/>) follow on files of their own; <c>--catalog</c> runs only them.
/// <c>--provider Postgres</c> (default: <c>Database:Provider</c>) runs the dossier figures on PostgreSQL instead
/// (<see cref="PostgresBench"/>): in a fresh database on the server of <c>ConnectionStrings:PublicService</c>.
/// </summary>
public static class BenchVerb
{
    public const int DefaultDossiers = 1_000_000;

    public static async Task<int> RunAsync(VerbArguments arguments, IServiceProvider services, TextWriter output)
    {
        MigrateVerb.NoPositionals(arguments, "bench");
        var dossiers = arguments.IntOption("dossiers", DefaultDossiers, 100, 20_000_000);
        var plans = arguments.Flag("plans");
        var catalogOnly = arguments.Flag("catalog");
        var procedures = arguments.IntOption("procedures", CatalogBench.DefaultProcedures, 100, 20_000);
        var configuration = services.GetRequiredService<IConfiguration>();
        if (PublicServiceDatabase.ParseProvider(arguments.Option("provider") ?? configuration["Database:Provider"]) == DatabaseProvider.Postgres)
            return catalogOnly
                ? throw new VerbArgumentException("--catalog measures SQLite files; run it without --provider Postgres")
                : await PostgresBench.RunAsync(configuration.GetConnectionString("PublicService"), dossiers, plans, output);
        var directory = Path.Combine(Path.GetTempPath(), $"publicservice-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "bench.db");
        output.WriteLine($"database: {path} (deleted afterwards)");
        try
        {
            if (!catalogOnly)
            {
                await using var bench = BenchServices(path);
                await new BenchSuite(bench, path, output, plans).RunAsync(dossiers);
            }
            await new CatalogBench(directory, output, plans, procedures).RunAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
        return 0;
    }

    /// <summary>The same domain registrations as every verb, pointed at the bench's own SQLite file.</summary>
    internal static ServiceProvider BenchServices(string path) =>
        BenchServices(DatabaseProvider.Sqlite, $"Data Source={path}");

    /// <summary>The same domain registrations as every verb, pointed at the bench's own database.</summary>
    internal static ServiceProvider BenchServices(DatabaseProvider provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider.ToString(),
                ["ConnectionStrings:PublicService"] = connectionString,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddPublicServiceDomain(configuration);
        return services.BuildServiceProvider();
    }
}
