using System.Diagnostics;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Support;

public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs the real console executable with a verb, configured the .NET way (environment variables).</summary>
public static class ConsoleProcess
{
    public static Task<ProcessResult> RunAsync(string connectionString, params string[] args) =>
        RunWithInputAsync(connectionString, null, args);

    /// <summary>Runs a verb against <paramref name="database"/>, on its provider (<c>Database__Provider</c>).</summary>
    public static Task<ProcessResult> RunAsync(TestDatabase database, params string[] args) =>
        RunAsync(database.ConnectionString, database.Provider, args);

    /// <summary>Runs a verb against a database of <paramref name="provider"/> (<c>Database__Provider</c>).</summary>
    public static Task<ProcessResult> RunAsync(string connectionString, DatabaseProvider provider, params string[] args) =>
        RunAsync(connectionString, new Dictionary<string, string> { ["Database__Provider"] = provider.ToString() }, null, args);

    /// <summary>The same, with <paramref name="input"/> piped to stdin (null: stdin left as the test runner's).</summary>
    public static Task<ProcessResult> RunWithInputAsync(string connectionString, string? input, params string[] args) =>
        RunAsync(connectionString, new Dictionary<string, string>(), input, args);

    /// <summary>The same, with more environment variables (they may override the defaults set here).</summary>
    public static Task<ProcessResult> RunWithEnvironmentAsync(string connectionString, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(connectionString, environment, null, args);

    private static async Task<ProcessResult> RunAsync(string connectionString, IReadOnlyDictionary<string, string> environment, string? input, string[] args)
    {
        var start = StartInfo(connectionString, "Production", environment, args);
        start.RedirectStandardInput = input is not null;

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessResult(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// How a test starts the executable: the console's DLL beside the tests, stdout and stderr read as UTF-8, the
    /// connection string and hosting environment given the .NET way, then <paramref name="environment"/> on top.
    /// </summary>
    internal static ProcessStartInfo StartInfo(
        string connectionString, string environmentName, IReadOnlyDictionary<string, string> environment, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PublicService.Console.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__PublicService"] = connectionString;
        start.Environment["DOTNET_ENVIRONMENT"] = environmentName;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return start;
    }
}
