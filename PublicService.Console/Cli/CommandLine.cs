using PublicService.Console.Hosting;
using PublicService.Domain;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;

namespace PublicService.Console.Cli;

/// <summary>The command-line verbs of DESIGN.md. The executable serves the web app when no verb is given.</summary>
public static class CommandLine
{
    private sealed record Verb(string[] Options, Func<VerbArguments, IServiceProvider, TextWriter, Task<int>> RunAsync);

    private static readonly Dictionary<string, Verb> Verbs = new()
    {
        ["migrate"] = new([], MigrateVerb.RunAsync),
        ["seed-demo"] = new(["dossiers", "seed"], SeedDemoVerb.RunAsync),
        ["calendar"] = new([], CalendarVerb.RunAsync),
        ["due"] = new(["received", "time", "explain"], DueVerb.RunAsync),
        ["rebuild-deadlines"] = new(["dry-run"], RebuildDeadlinesVerb.RunAsync),
        ["scan-deadlines"] = new(["now", "all"], ScanDeadlinesVerb.RunAsync),
        ["import-calendar"] = new(["dry-run", "actor"], ImportCalendarVerb.RunAsync),
        ["create-admin"] = new(["email", "name"], CreateAdminVerb.RunAsync),
        ["export-catalog"] = new([], CatalogVerbs.ExportAsync),
        ["import-catalog"] = new(["dry-run"], CatalogVerbs.ImportAsync),
        ["backup"] = new(["force"], BackupVerb.RunAsync),
        ["bench"] = new(["dossiers", "plans", "catalog", "procedures", "provider"], Bench.BenchVerb.RunAsync),
    };

    /// <summary>True when <paramref name="args"/> names a verb (its first argument does not start with "--").</summary>
    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal);

    /// <summary>Runs the verb; returns the process exit code (0 ok, 2 bad input with one line on stderr).</summary>
    public static async Task<int> RunAsync(string[] args) => await RunAsync(args, System.Console.Out, System.Console.Error, _ => { });

    /// <summary>The same, with the output streams and extra service registrations given (tests use this).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<IServiceCollection> configureServices)
    {
        if (!Verbs.TryGetValue(args[0], out var verb))
            return Fail(error, $"unknown verb '{args[0]}'; expected one of: {string.Join(", ", Verbs.Keys)}");
        try
        {
            var arguments = VerbArguments.Parse(args[1..], verb.Options);
            using var host = BuildHost(configureServices);
            return await verb.RunAsync(arguments, host.Services, output);
        }
        catch (VerbArgumentException e)
        {
            return Fail(error, e.Message);
        }
        catch (DomainException e)
        {
            return Fail(error, e.Message);
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Database:Provider", StringComparison.Ordinal))
        {
            return Fail(error, e.Message);
        }
    }

    private static IHost BuildHost(Action<IServiceCollection> configureServices)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        // Verbs print results on stdout; only warnings from the framework, and on stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // A provider-specific filter outranks the "Default: Information" of appsettings.json.
        builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>((_, level) => level >= LogLevel.Warning);
        builder.Services.AddPublicServiceDomain(builder.Configuration);
        // On PostgreSQL, what scan-deadlines or import-calendar changes reaches the open screens of every app node
        // (NOTIFY, see Live/PostgresAlerts.cs); with SQLite there is one app, which sees it at its next update.
        if (PublicServiceDatabase.ParseProvider(builder.Configuration["Database:Provider"]) == DatabaseProvider.Postgres)
            builder.Services.AddSingleton<IAlertChangeListener, Live.PostgresAlertNotifier>();
        configureServices(builder.Services);
        return builder.Build();
    }

    private static int Fail(TextWriter error, string reason)
    {
        error.WriteLine(reason);
        return 2;
    }
}

/// <summary>Bad input on the command line: the verb exits with status 2 and this one-line reason.</summary>
public sealed class VerbArgumentException(string message) : Exception(message);

/// <summary><c>--name value</c> options and bare <c>--flag</c>s after the verb, plus positional values.</summary>
public sealed class VerbArguments
{
    private readonly Dictionary<string, string?> _options;
    private readonly List<string> _positionals;

    private VerbArguments(Dictionary<string, string?> options, List<string> positionals)
    {
        _options = options;
        _positionals = positionals;
    }

    /// <summary>Parses the arguments after the verb; an option the verb does not know is refused before anything runs.</summary>
    public static VerbArguments Parse(string[] args, IReadOnlyCollection<string> knownOptions)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var positionals = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(args[i]);
                continue;
            }
            var name = args[i][2..];
            if (!knownOptions.Contains(name))
                throw new VerbArgumentException(knownOptions.Count == 0
                    ? $"unknown option --{name}; this verb takes none"
                    : $"unknown option --{name}; expected {string.Join(", ", knownOptions.Select(o => "--" + o))}");
            var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            if (!options.TryAdd(name, value)) throw new VerbArgumentException($"option --{name} given twice");
        }
        return new VerbArguments(options, positionals);
    }

    public IReadOnlyList<string> Positionals => _positionals;

    public bool Flag(string name)
    {
        if (!_options.TryGetValue(name, out var value)) return false;
        return value is null ? true : throw new VerbArgumentException($"--{name} takes no value (got '{value}')");
    }

    public string? Option(string name)
    {
        if (!_options.TryGetValue(name, out var value)) return null;
        return value ?? throw new VerbArgumentException($"--{name} needs a value");
    }

    public string RequiredOption(string name, string example) =>
        Option(name) ?? throw new VerbArgumentException($"missing --{name} (e.g. --{name} {example})");

    public int IntOption(string name, int defaultValue, int min, int max)
    {
        var text = Option(name);
        if (text is null) return defaultValue;
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new VerbArgumentException($"--{name} must be a whole number from {min} to {max} (got '{text}')");
    }
}
