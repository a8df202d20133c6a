using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PublicService.Console.Hosting;

/// <summary>
/// Hooks for the tests that kill a verb with SIGKILL in the middle of its work (<c>Tests/Cli/KillTests</c>): they
/// slow the work down and print a marker on stderr at each step, so the test knows the process is half-way before
/// it kills it. Honoured only in the <see cref="TestingHooks.EnvironmentName"/> environment (the host's
/// <c>DOTNET_ENVIRONMENT</c>/<c>ASPNETCORE_ENVIRONMENT</c>), ignored anywhere else.
/// <list type="bullet">
/// <item><c>Testing:ScanBatchDelayMs</c>: after each batch the deadline scan wrote (inside its transaction), print
/// <c>testing: scan batch N written</c> and wait that long.</item>
/// <item><c>Testing:WriteDelayMs</c>: after each INSERT/UPDATE/DELETE that EF Core sends inside a transaction,
/// print <c>testing: wrote …</c> (the statement's first words) and wait that long.</item>
/// </list>
/// </summary>
public static class CrashTestHooks
{
    public const string ScanBatchDelayKey = "Testing:ScanBatchDelayMs";
    public const string WriteDelayKey = "Testing:WriteDelayMs";

    public static bool IsTesting(IConfiguration configuration) =>
        string.Equals(configuration[HostDefaults.EnvironmentKey], TestingHooks.EnvironmentName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The delay set under <paramref name="key"/>, only in the Testing environment.</summary>
    public static TimeSpan? Delay(IConfiguration configuration, string key) =>
        IsTesting(configuration)
        && int.TryParse(configuration[key], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    /// <summary>The scan's after-batch hook: a marker, then the delay.</summary>
    public static Func<int, CancellationToken, Task> AfterScanBatch(TimeSpan delay) => async (batch, ct) =>
    {
        await System.Console.Error.WriteLineAsync($"testing: scan batch {batch} written");
        await System.Console.Error.FlushAsync(ct);
        await Task.Delay(delay, ct);
    };
}

/// <summary>Slows and announces the writes EF Core sends inside a transaction; see <see cref="CrashTestHooks"/>.</summary>
public sealed class SlowWritesInterceptor(TimeSpan delay) : DbCommandInterceptor
{
    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        await AnnounceAsync(command, cancellationToken);
        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await AnnounceAsync(command, cancellationToken);
        return result;
    }

    private async Task AnnounceAsync(DbCommand command, CancellationToken ct)
    {
        var text = command.CommandText.TrimStart();
        if (command.Transaction is null || !(text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)))
            return;
        var firstLine = text.Split('\n', 2)[0].Trim();
        await System.Console.Error.WriteLineAsync($"testing: wrote {firstLine[..Math.Min(firstLine.Length, 60)]}");
        await System.Console.Error.FlushAsync(ct);
        await Task.Delay(delay, ct);
    }
}
