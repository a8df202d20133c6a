using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PublicService.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL cluster for this test run: <c>initdb</c> into a temporary folder and <c>pg_ctl start</c>
/// on a free loopback port, started by the first test that needs it and stopped (and deleted) when the test process
/// exits. PostgreSQL refuses to run as root, so as root (CI runs in a container as root) the server runs as the
/// <c>postgres</c> account Debian's package creates. Each test gets its own database
/// (<see cref="CreateDatabaseAsync"/>). Missing binaries fail the test with the fix in the message, in CI and locally
/// alike, as a missing browser does.
/// </summary>
public sealed class PostgresServer
{
    private const string Superuser = "postgres";
    private static readonly Lazy<Task<PostgresServer>> Started = new(StartAsync);

    private readonly string _folder;
    private readonly string _binaries;
    private readonly string? _runAs;

    private PostgresServer(string folder, string binaries, string? runAs, int port)
    {
        _folder = folder;
        _binaries = binaries;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>The superuser's connection string to database <paramref name="database"/> of this cluster.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={Superuser};Database={database};Include Error Detail=true";

    /// <summary>The cluster of this run, started on first use.</summary>
    public static Task<PostgresServer> GetAsync() => Started.Value;

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"ps_{purpose}_{Guid.NewGuid():N}"[..Math.Min(60, 4 + purpose.Length + 32)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing what still uses it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var binaries = FindBinaries();
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        var folder = Path.Combine(Path.GetTempPath(), $"publicservice-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (runAs is not null) await RunAsync("chown", [$"{runAs}:{runAs}", folder]);
        var server = new PostgresServer(folder, binaries, runAs, FreeLoopbackPort());

        await server.RunPostgresToolAsync("initdb", "-D", server.DataFolder, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        // Durability settings off: a test cluster is thrown away, and fsync would make every commit a disk flush.
        var options = $"-p {server.Port} -c listen_addresses=127.0.0.1 -k {folder} -c fsync=off -c synchronous_commit=off " +
                      "-c full_page_writes=off -c max_connections=400 -c shared_buffers=128MB";
        await server.RunPostgresToolAsync("pg_ctl", "-D", server.DataFolder, "-o", options, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    /// <summary>
    /// Stops the server at once (nothing in it is kept) and deletes its folder, from a shell of its own: the test
    /// host may be ended right after its exit handlers start, and the shell finishes the job anyway.
    /// </summary>
    private void Stop()
    {
        var pgCtl = Path.Combine(_binaries, "pg_ctl");
        var stop = _runAs is null ? $"'{pgCtl}'" : $"runuser -u {_runAs} -- '{pgCtl}'";
        var start = new ProcessStartInfo("sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{stop} -D '{DataFolder}' -m immediate -w stop >/dev/null 2>&1; rm -rf '{_folder}'");
        using var process = Process.Start(start);
        process?.WaitForExit(TimeSpan.FromSeconds(10));
    }

    private static string FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(v => Path.Combine(v, "bin"))
                : []);
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "The PostgreSQL tests need the server binaries (initdb, pg_ctl); install them with `apt-get install -y postgresql` (.ci/run does).");
    }

    private Task RunPostgresToolAsync(string tool, params string[] arguments)
    {
        var executable = Path.Combine(_binaries, tool);
        return _runAs is null ? RunAsync(executable, arguments) : RunAsync("runuser", ["-u", _runAs, "--", executable, .. arguments]);
    }

    private static async Task RunAsync(string executable, string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The server must not inherit the test host's pipes: it outlives the command that started it.
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(executable)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
