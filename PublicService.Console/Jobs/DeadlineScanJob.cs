using Hangfire;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;

namespace PublicService.Console.Jobs;

/// <summary>
/// The recurring deadline scan. Thin on purpose: the domain scanner is idempotent, writes in one transaction and
/// guards against overlapping runs, so a Hangfire retry after a failure redoes the whole scan without
/// duplicating an event, and a run that overlaps another is skipped.
/// </summary>
public sealed class DeadlineScanJob(DeadlineScanner scanner, ILogger<DeadlineScanJob> logger)
{
    public const string RecurringJobId = "deadline-scan";
    public const string CronKey = "Monitoring:ScanCron";

    // A missed or failed minute is caught up by the next run, so a few quick retries are enough.
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = new[] { 5, 15, 30 }, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken ct)
    {
        var result = await scanner.ScanAsync(ct: ct);
        if (result.Changed > 0 || result.Skipped)
            logger.LogInformation("Deadline scan: {Scanned} scanned, {Changed} changed, {Overdue} newly overdue, {ElapsedMs} ms{Skipped}",
                result.Scanned, result.Changed, result.Overdue, result.ElapsedMs, result.Skipped ? " (skipped: another run holds the lease)" : "");
    }
}

public static class DeadlineMonitoring
{
    /// <summary>
    /// The live broadcaster, the dossier change feed and the job class. On SQLite (one node) the broadcaster is the
    /// scanner's listener; on PostgreSQL the scanner's listener only sends a <c>NOTIFY</c>, and every node's
    /// <see cref="Live.PostgresAlertListener"/> feeds its broadcaster from <c>LISTEN</c> (see <see cref="Live.PostgresAlertNotifier"/>).
    /// </summary>
    public static IServiceCollection AddDeadlineMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Live.AlertBroadcaster>();
        var provider = PublicServiceDatabase.ParseProvider(configuration["Database:Provider"]);
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton(new Live.PostgresAlertChannel(
                PublicServiceDatabase.ConnectionString(provider, configuration.GetConnectionString("PublicService"))));
            services.AddSingleton<IAlertChangeListener, Live.PostgresAlertNotifier>();
            services.AddSingleton<Live.PostgresAlertListener>();
            services.AddHostedService(sp => sp.GetRequiredService<Live.PostgresAlertListener>());
        }
        else
        {
            services.AddSingleton<IAlertChangeListener>(sp => sp.GetRequiredService<Live.AlertBroadcaster>());
        }
        services.AddSingleton<Live.DossierChangeFeed>();
        services.AddTransient<DeadlineScanJob>();
        return services;
    }

    /// <summary>Registers (or updates) the recurring scan under its stable id; the cron comes from configuration, every minute by default.</summary>
    public static void ScheduleDeadlineScan(this IServiceProvider services, IConfiguration configuration)
    {
        var cron = configuration[DeadlineScanJob.CronKey] is { Length: > 0 } configured ? configured : Cron.Minutely();
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<DeadlineScanJob>(
            DeadlineScanJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), cron,
            new RecurringJobOptions { TimeZone = VietnamTimeZone() });
    }

    /// <summary>
    /// Cron expressions are read in Vietnam time (e.g. "0 0 * * *" is midnight in Vietnam). Hangfire stores the
    /// zone by id, so it must be a system zone; a machine without time-zone data falls back to UTC.
    /// </summary>
    private static TimeZoneInfo VietnamTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Ho_Chi_Minh", out var zone) ? zone : TimeZoneInfo.Utc;
}
