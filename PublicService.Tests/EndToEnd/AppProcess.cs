using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PublicService.Console.Hosting;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.EndToEnd;

/// <summary>
/// The real console executable serving the demo data (<c>--demo</c>) on a free loopback port, with a fresh SQLite
/// file and the test clock of <see cref="TestingHooks"/>; one per test class (a class fixture), killed at the end.
/// A node of several (<see cref="TwoNodes"/>) is given its database (<see cref="DatabaseSettings"/>) and a clock file
/// shared with the other nodes instead.
/// </summary>
public sealed class AppProcess : IAsyncLifetime
{
    /// <summary>Monday 2 March 2026, 09:00 in Vietnam: the demo data is seeded relative to it, so every run sees the same data.</summary>
    public static readonly DateTimeOffset StartInstant = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private const string ReadyLine = "PublicService đang chạy tại";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"publicservice-e2e-{Guid.NewGuid():N}");
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Another database than this process's own SQLite file: configuration pairs (Database:Provider, ConnectionStrings:PublicService).</summary>
    public IReadOnlyDictionary<string, string?>? DatabaseSettings { get; init; }

    /// <summary>False for a node started on a database another node already seeded.</summary>
    public bool Demo { get; init; } = true;

    /// <summary>A clock file shared with other nodes; by default one of this process's own.</summary>
    public string? SharedClockFile { get; init; }

    /// <summary>A name to tell the nodes' lines apart.</summary>
    public string Name { get; init; } = "app";

    public DatabaseProvider Provider => PublicServiceDatabase.ParseProvider(DatabaseSettings?.GetValueOrDefault("Database:Provider"));
    public string ConnectionString => DatabaseSettings?.GetValueOrDefault("ConnectionStrings:PublicService")
                                      ?? $"Data Source={Path.Combine(_directory, "publicservice.db")}";
    public DateTimeOffset Now { get; private set; } = StartInstant;
    private string ClockFile => SharedClockFile ?? Path.Combine(_directory, "clock.txt");

    /// <summary>What the app printed so far, for failure messages.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        SetClock(StartInstant);
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PublicService.Console.dll"));
        if (Demo) start.ArgumentList.Add("--demo");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = TestingHooks.EnvironmentName;
        start.Environment["DOTNET_ENVIRONMENT"] = TestingHooks.EnvironmentName;
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["ConnectionStrings__PublicService"] = ConnectionString;
        if (DatabaseSettings is not null)
        {
            foreach (var (key, value) in DatabaseSettings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            // A home of its own, as on a machine of its own: nothing (such as ASP.NET's default key folder,
            // ~/.aspnet/DataProtection-Keys) is shared with the other nodes unless the app shares it through the database.
            start.Environment["HOME"] = _directory;
        }
        start.Environment["Testing__ClockFile"] = ClockFile;
        // The tests run every scan themselves (POST /testing/scan), so that each one they time is their own.
        start.Environment["Monitoring__ScanCron"] = Cron.Never();
        // Every journey signs in from the same address; the per-address limit is not what they test.
        start.Environment["Security__LoginAttemptsPerMinute"] = "1000";

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"The app exited before it served:\n{Output}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        try
        {
            await _ready.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"The app did not print \"{ReadyLine}\" within {StartTimeout}:\n{Output}");
        }
    }

    private void Received(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains(ReadyLine, StringComparison.Ordinal)) _ready.TrySetResult();
    }

    /// <summary>Moves the app's clock: a complete file renamed over the old one, so the app never reads half an instant.</summary>
    public void SetClock(DateTimeOffset instant)
    {
        var next = ClockFile + ".next";
        File.WriteAllText(next, instant.ToString("O", CultureInfo.InvariantCulture));
        File.Move(next, ClockFile, overwrite: true);
        Now = instant;
    }

    /// <summary>A short-lived context on the app's database, for finding test data the way the app stores it.</summary>
    public PublicServiceDbContext OpenDatabase()
    {
        var options = new DbContextOptionsBuilder<PublicServiceDbContext>();
        PublicServiceDatabase.Configure(options, Provider, ConnectionString);
        return PublicServiceDatabase.CreateContext(Provider, options.Options);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind is not worth failing a passed journey.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
