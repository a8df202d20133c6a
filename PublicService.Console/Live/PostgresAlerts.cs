using Microsoft.EntityFrameworkCore;
using Npgsql;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;

namespace PublicService.Console.Live;

/// <summary>The connection string the alert channel uses (the app's own database).</summary>
public sealed record PostgresAlertChannel(string ConnectionString);

/// <summary>
/// On PostgreSQL, the scanner's listener: after the scan (or a calendar change's re-level) committed, it sends the
/// changes to every node with <c>NOTIFY</c>, and that is all it does. Every node, this one included, delivers to
/// its circuits from <see cref="PostgresAlertListener"/>. One path for all nodes rather than local delivery plus a
/// node id to skip our own notices: the listener's catch-up after a reconnect (by event id) then covers this node
/// the same way as the others, and nothing can be delivered twice by the two paths disagreeing. The price is one
/// round trip through the server for the local boards, well under the second the boards are allowed.
/// <para>
/// After the commit, not inside the scan's transaction: the domain's scan and the calendar's re-level each own
/// their transaction, and a listener is told only about committed work. A process that dies between the commit
/// and the notice loses the live update (the boards show it at their next load), never the level change.
/// </para>
/// </summary>
public sealed class PostgresAlertNotifier(IDbContextFactory<PublicServiceDbContext> dbFactory, ILogger<PostgresAlertNotifier> logger)
    : IAlertChangeListener
{
    public async Task OnAlertsChangedAsync(DeadlineScanResult result, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var ids = result.Changes.Select(c => c.DossierId).Distinct().ToList();
            // The listeners remember it, to skip what a catch-up already delivered and to know where the next one starts.
            var lastEventId = await db.DossierEvents
                .Where(e => ids.Contains(e.DossierId) && e.Type == DossierEventType.AlertChanged)
                .MaxAsync(e => (long?)e.Id, ct) ?? 0;
            // All chunks in one transaction: PostgreSQL delivers them together, in order, at its commit.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var payload in AlertNotices.Encode(result, lastEventId))
                await db.Database.ExecuteSqlAsync($"SELECT pg_notify({AlertNotices.Channel}, {payload})", ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or DbUpdateException)
        {
            // The scan is committed and must not be reported as failed (a retry would find nothing to do). When the
            // database is unreachable the listeners are cut off too, and their catch-up on reconnect brings this.
            logger.LogWarning(e, "The alert notice for a scan of {Changed} changes could not be sent", result.Changes.Count);
        }
    }
}

/// <summary>
/// Every node's end of the alert channel: <c>LISTEN</c>s on a dedicated connection (not pooled, named
/// <see cref="ApplicationName"/> so an operator can find it in <c>pg_stat_activity</c>) and feeds this node's
/// <see cref="AlertBroadcaster"/>. When the connection drops (database restart, network, a terminated backend) it
/// reconnects with a short back-off and first delivers the <c>AlertChanged</c> events written since the last one it
/// saw, so no change is lost while it was away.
/// </summary>
public sealed class PostgresAlertListener(
    PostgresAlertChannel channel,
    IDbContextFactory<PublicServiceDbContext> dbFactory,
    AlertBroadcaster broadcaster,
    ILogger<PostgresAlertListener> logger) : BackgroundService
{
    public const string ApplicationName = "PublicService.AlertListener";

    private readonly Dictionary<string, List<AlertNotices.Notice>> _partial = [];
    private int _connections;
    // The highest AlertChanged event id delivered or known when listening began; a catch-up starts after it.
    private long? _lastSeen;
    // Notices of changes a catch-up already delivered (committed between LISTEN and the catch-up's read) are skipped.
    private long _caughtUpTo;

    /// <summary>The first wait before reconnecting; it doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times the listener has been listening (1 after the start, +1 per reconnect).</summary>
    public int Connections => Volatile.Read(ref _connections);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = ReconnectDelay;
        var connectionString = new NpgsqlConnectionStringBuilder(channel.ConnectionString)
        {
            ApplicationName = ApplicationName,
            Pooling = false,
            // A half-open connection (a server that vanished without closing it) is noticed within seconds.
            KeepAlive = 5,
        }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, () => delay = ReconnectDelay, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The alert listener lost its connection; reconnecting in {Delay} ms", delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
            }
        }
    }

    private async Task ListenAsync(string connectionString, Action connected, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        // Raised inside WaitAsync on this loop's thread; handled after it returns, so delivery can await.
        var received = new List<string>();
        connection.Notification += (_, e) => received.Add(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {AlertNotices.Channel}", connection))
            await listen.ExecuteNonQueryAsync(ct);
        Interlocked.Increment(ref _connections);
        connected();
        // Listening before reading: whatever commits from now on arrives as a notice, whatever committed before is read here.
        _partial.Clear();
        await CatchUpAsync(ct);
        logger.LogInformation("Listening for alert notices (connection {Count})", Connections);
        while (true)
        {
            await connection.WaitAsync(ct);
            var payloads = received.ToList();
            received.Clear();
            foreach (var payload in payloads) await ReceiveAsync(payload, ct);
        }
    }

    private async Task ReceiveAsync(string payload, CancellationToken ct)
    {
        AlertNotices.Notice notice;
        try
        {
            notice = AlertNotices.Decode(payload);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            logger.LogWarning(e, "An unreadable alert notice was ignored");
            return;
        }
        if (notice.LastEventId != 0 && notice.LastEventId <= _caughtUpTo) return;
        if (!_partial.TryGetValue(notice.MessageId, out var chunks)) _partial[notice.MessageId] = chunks = [];
        chunks.Add(notice);
        if (chunks.Count < notice.Count) return;
        _partial.Remove(notice.MessageId);
        _lastSeen = Math.Max(_lastSeen ?? 0, notice.LastEventId);
        await broadcaster.OnAlertsChangedAsync(AlertNotices.Assemble(chunks), ct);
    }

    /// <summary>
    /// The first time, only notes where the events stand. After a reconnect, delivers as one result the level
    /// changes the scan and the calendar's re-level wrote (actor <see cref="DeadlineScanner.Actor"/>) since then.
    /// </summary>
    private async Task CatchUpAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (_lastSeen is not { } lastSeen)
        {
            _lastSeen = await db.DossierEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;
            return;
        }
        var events = await db.DossierEvents.AsNoTracking()
            .Where(e => e.Id > lastSeen && e.Type == DossierEventType.AlertChanged && e.Actor == DeadlineScanner.Actor)
            .Join(db.Dossiers, e => e.DossierId, d => d.Id, (e, d) => new { e.Id, e.DossierId, d.Code, e.AtUtc, e.DataJson })
            .OrderBy(e => e.Id)
            .ToListAsync(ct);
        if (events.Count == 0) return;
        var changes = events.Select(e =>
        {
            var data = DossierEventData.FromJson(e.DataJson);
            return new AlertChange(e.DossierId, e.Code, data.FromLevel ?? AlertLevel.Normal, data.ToLevel ?? AlertLevel.Normal, data.Step == true);
        }).ToList();
        _lastSeen = _caughtUpTo = events[^1].Id;
        logger.LogInformation("Alert listener caught up {Count} changes written while it was away", changes.Count);
        var now = DateTime.SpecifyKind(events.Max(e => e.AtUtc), DateTimeKind.Utc);
        await broadcaster.OnAlertsChangedAsync(DeadlineScanResult.Of(now, events.Select(e => e.DossierId).Distinct().Count(), changes, 0), ct);
    }
}
