using System.Globalization;
using PublicService.Domain.Monitoring;

namespace PublicService.Console.Hosting;

/// <summary>
/// Hooks for the end-to-end tests, which drive the real executable and so cannot swap services the way an
/// in-process test does. Both exist only in the <see cref="EnvironmentName"/> environment, which no deployment
/// uses: a clock read from a file (<see cref="ClockFileKey"/>) so a test can move time, and
/// <c>POST <see cref="ScanPath"/></c>, which runs one deadline scan in this process so that its changes reach this
/// process's live broadcaster (a <c>scan-deadlines</c> verb in another process would not).
/// </summary>
public static class TestingHooks
{
    public const string EnvironmentName = "Testing";
    public const string ClockFileKey = "Testing:ClockFile";
    public const string ScanPath = "/testing/scan";

    /// <summary>
    /// In the <see cref="EnvironmentName"/> environment: serves the static web assets (MudBlazor's scripts and
    /// styles) from the build output, as Development does, since the tests run the build, not a publish; and
    /// registers the file clock when <see cref="ClockFileKey"/> is set. Call before the domain registers the system
    /// clock. Setting the clock file in any other environment stops the start-up: a frozen clock in production would
    /// silently stop every deadline, so a stray setting must be loud, not ignored.
    /// </summary>
    public static WebApplicationBuilder AddTestingHooks(this WebApplicationBuilder builder)
    {
        var testing = builder.Environment.IsEnvironment(EnvironmentName);
        if (testing) builder.WebHost.UseStaticWebAssets();
        if (builder.Configuration[ClockFileKey] is not { Length: > 0 } clockFile) return builder;
        if (!testing)
            throw new InvalidOperationException(
                $"{ClockFileKey} is a test hook and works only with ASPNETCORE_ENVIRONMENT={EnvironmentName}; remove it from the configuration of the '{builder.Environment.EnvironmentName}' environment.");
        builder.Services.AddSingleton<TimeProvider>(new FileClock(clockFile));
        return builder;
    }

    /// <summary>Maps <c>POST <see cref="ScanPath"/></c> in the <see cref="EnvironmentName"/> environment only; it answers with the scan's result.</summary>
    public static IEndpointRouteBuilder MapTestingHooks(this IEndpointRouteBuilder endpoints, IHostEnvironment environment)
    {
        if (!environment.IsEnvironment(EnvironmentName)) return endpoints;
        // Anonymous: the test calls it from outside any browser session, and the environment is the guard.
        endpoints.MapPost(ScanPath, async (DeadlineScanner scanner, CancellationToken ct) => Results.Ok(await scanner.ScanAsync(ct: ct)))
            .AllowAnonymous();
        return endpoints;
    }
}

/// <summary>
/// A clock that stands still at the instant written in a file (ISO 8601) until the file changes. The file is read
/// on every call, so a test moves time by rewriting it (ideally by renaming a complete file over it); an unreadable
/// or half-written file keeps the last instant read. Only <see cref="GetUtcNow"/> is replaced: timers and
/// elapsed-time measurements keep running in real time.
/// </summary>
public sealed class FileClock : TimeProvider
{
    private readonly string _path;
    private long _lastUtcTicks;

    public FileClock(string path)
    {
        _path = path;
        _lastUtcTicks = TryRead() ?? throw new InvalidOperationException($"The clock file '{path}' must exist and hold an ISO 8601 instant.");
    }

    public override DateTimeOffset GetUtcNow()
    {
        if (TryRead() is { } ticks) Volatile.Write(ref _lastUtcTicks, ticks);
        return new DateTimeOffset(Volatile.Read(ref _lastUtcTicks), TimeSpan.Zero);
    }

    private long? TryRead()
    {
        try
        {
            var text = File.ReadAllText(_path).Trim();
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                ? instant.UtcTicks
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
