using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PublicService.Console.Live;
using PublicService.Domain.Catalog;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using PublicService.Tests.Support;
using static PublicService.Tests.Support.TestCalendar;

namespace PublicService.Tests.Live;

/// <summary>
/// Several nodes on one PostgreSQL database, each simulated by its own context factory, scanner, broadcaster and
/// listener in this process: overlapping scans write once, and a scan's changes reach every node's broadcaster
/// through NOTIFY/LISTEN, also across a dropped listener connection.
/// </summary>
public sealed class PostgresNodesTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private TestDatabase _database = null!;
    private (int ProcedureId, int VersionId, int AgencyId) _intake;
    private int _codes;
    private readonly List<PostgresAlertListener> _listeners = [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = _database.Open();
        await DemoCatalog.Build().AddToAsync(db, CancellationToken.None);
        var version = await db.ProcedureVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published).OrderBy(v => v.Id).FirstAsync();
        _intake = (version.ProcedureId, version.Id, version.ImplementingAgencyId);
    }

    public async Task DisposeAsync()
    {
        foreach (var listener in _listeners) await listener.StopAsync(CancellationToken.None);
        await _database.DisposeAsync();
    }

    /// <summary>A node's own context factory on the shared database, as a second process would have.</summary>
    private IDbContextFactory<PublicServiceDbContext> NodeFactory()
    {
        var options = new DbContextOptionsBuilder<PublicServiceDbContext>();
        PublicServiceDatabase.Configure(options, DatabaseProvider.Postgres, _database.ConnectionString);
        return new PublicServiceContextFactory(DatabaseProvider.Postgres, options.Options);
    }

    private DeadlineScanner NodeScanner(Func<int, CancellationToken, Task>? afterBatch = null) =>
        new(NodeFactory(), _database.Calendars, _database.Clock,
            [new PostgresAlertNotifier(NodeFactory(), NullLogger<PostgresAlertNotifier>.Instance)]) { AfterBatchAsync = afterBatch, BatchSize = 10 };

    private async Task<List<long>> AddDueAsync(int count)
    {
        await using var db = _database.Open();
        var dossiers = Enumerable.Range(0, count).Select(_ => Dossier.Receive($"000.00.15.H48-260302-{++_codes:0000}",
            _intake.ProcedureId, _intake.VersionId, "default", Channel.InPerson, _intake.AgencyId,
            Applicant(), OneStop(10), ["Tờ khai"], Vn(2026, 3, 2, 9), "tiepnhan", Context)).ToList();
        db.Dossiers.AddRange(dossiers);
        await db.SaveChangesAsync();
        return dossiers.Select(d => d.Id).ToList();
    }

    /// <summary>A node's broadcaster fed by its own listener; returns what the broadcaster tells its circuits.</summary>
    private async Task<(PostgresAlertListener Listener, BlockingCollection<DeadlineScanResult> Received)> NodeListenerAsync(TimeSpan? reconnectDelay = null)
    {
        var broadcaster = new AlertBroadcaster(NullLogger<AlertBroadcaster>.Instance);
        var received = new BlockingCollection<DeadlineScanResult>();
        broadcaster.Subscribe(result =>
        {
            received.Add(result);
            return Task.CompletedTask;
        });
        var listener = new PostgresAlertListener(new PostgresAlertChannel(_database.ConnectionString), NodeFactory(), broadcaster,
            NullLogger<PostgresAlertListener>.Instance) { ReconnectDelay = reconnectDelay ?? TimeSpan.FromMilliseconds(200) };
        _listeners.Add(listener);
        await listener.StartAsync(CancellationToken.None);
        await UntilAsync(() => listener.Connections == 1, "the listener to start listening");
        return (listener, received);
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            if (timeout.IsCancellationRequested) Assert.Fail($"Waited {Patience.TotalSeconds} s for {what}.");
            await Task.Delay(20);
        }
    }

    private static DeadlineScanResult Take(BlockingCollection<DeadlineScanResult> received) =>
        received.TryTake(out var result, Patience) ? result : throw new TimeoutException($"No alert reached the broadcaster within {Patience.TotalSeconds} s.");

    private async Task AssertOneAlertEventPerChangeAsync(IReadOnlyCollection<long> ids, int expectedPerDossier)
    {
        await using var db = _database.Open();
        var perDossier = await db.DossierEvents.Where(e => ids.Contains(e.DossierId) && e.Type == DossierEventType.AlertChanged)
            .GroupBy(e => new { e.DossierId, e.DataJson }).Select(g => g.Count()).ToListAsync();
        Assert.All(perDossier, count => Assert.Equal(1, count));
        Assert.Equal(ids.Count * expectedPerDossier, perDossier.Count);
    }

    [Fact]
    public async Task TwoNodes_ScanAtTheSameInstant_ExactlyOneWritesAndNoDossierGetsTwoEvents()
    {
        var ids = await AddDueAsync(40);
        var overdue = Vn(2026, 3, 17, 8);
        var (nodeA, nodeB) = (NodeScanner(), NodeScanner());
        using var start = new Barrier(2);

        var results = await Task.WhenAll(
            Task.Run(() => { start.SignalAndWait(); return nodeA.ScanAsync(overdue); }),
            Task.Run(() => { start.SignalAndWait(); return nodeB.ScanAsync(overdue); }));

        // Whichever lost either found the lease taken or, coming after the commit, nothing left to do.
        Assert.Single(results, r => r.Changed > 0);
        Assert.Equal(40, results.Sum(r => r.Changed));
        await AssertOneAlertEventPerChangeAsync(ids, expectedPerDossier: 1);
    }

    [Fact]
    public async Task TwoNodes_SecondScanWhileTheFirstIsWriting_IsSkippedByTheLeaseRow()
    {
        var ids = await AddDueAsync(25);
        var overdue = Vn(2026, 3, 17, 8);
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nodeA = NodeScanner(async (batch, _) =>
        {
            if (batch != 1) return;
            inside.SetResult();
            await release.Task;
        });
        var nodeB = NodeScanner();

        var first = nodeA.ScanAsync(overdue);
        await inside.Task.WaitAsync(Patience);
        // Node A holds its transaction open after its first batch: node B's semaphore is its own, only the lease row stops it.
        var second = await nodeB.ScanAsync(overdue);
        release.SetResult();
        var firstResult = await first;

        Assert.True(second.Skipped, "The second node scanned while the first held the lease.");
        Assert.Equal(25, firstResult.Changed);
        await AssertOneAlertEventPerChangeAsync(ids, expectedPerDossier: 1);
    }

    [Fact]
    public async Task Scan_OnOneNode_ReachesEveryNodesBroadcasterOnceWithItsChanges()
    {
        var (_, atA) = await NodeListenerAsync();
        var (_, atB) = await NodeListenerAsync();
        await AddDueAsync(300);

        var scan = await NodeScanner().ScanAsync(Vn(2026, 3, 17, 8));

        Assert.Equal(300, scan.Overdue);
        foreach (var received in new[] { atA, atB })
        {
            // 300 changes need two notices; the listener puts them back into the one result the scan produced.
            var result = Take(received);
            Assert.Equal(scan.Changes.OrderBy(c => c.DossierId), result.Changes.OrderBy(c => c.DossierId));
            Assert.Equal((scan.NowUtc, scan.Overdue, scan.Scanned), (result.NowUtc, result.Overdue, result.Scanned));
            Assert.False(received.TryTake(out _, TimeSpan.FromMilliseconds(300)), "A node was told about the scan twice.");
        }
    }

    [Fact]
    public async Task Listener_ConnectionTerminatedDuringAScan_ReconnectsAndDeliversTheChangesItMissed()
    {
        // Long enough for the scan to commit, and its notice to go unheard, before the listener is back.
        var (listener, received) = await NodeListenerAsync(reconnectDelay: TimeSpan.FromSeconds(2));
        await AddDueAsync(5);

        await using (var admin = new NpgsqlConnection(_database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()", admin);
            terminate.Parameters.AddWithValue("name", PostgresAlertListener.ApplicationName);
            Assert.Equal(1L, await terminate.ExecuteScalarAsync());
            // Until its backend is gone it could still pass a notice on; the scan must find nobody listening.
            await using var gone = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()", admin);
            gone.Parameters.AddWithValue("name", PostgresAlertListener.ApplicationName);
            while ((long)(await gone.ExecuteScalarAsync())! > 0) await Task.Delay(10);
        }
        var scan = await NodeScanner().ScanAsync(Vn(2026, 3, 17, 8));
        Assert.Equal(1, listener.Connections);

        var caughtUp = Take(received);
        Assert.Equal(2, listener.Connections);
        Assert.Equal(scan.Changes.OrderBy(c => c.DossierId), caughtUp.Changes.OrderBy(c => c.DossierId));
        Assert.Equal(5, caughtUp.Overdue);

        // Listening again, and the catch-up is not delivered a second time: the next thing heard is the next scan.
        await AddDueAsync(3);
        var next = await NodeScanner().ScanAsync(Vn(2026, 3, 17, 9));
        var heard = Take(received);
        Assert.Equal(next.Changes.OrderBy(c => c.DossierId), heard.Changes.OrderBy(c => c.DossierId));
        Assert.Equal(3, heard.Overdue);
    }

    [Fact]
    public async Task ScanDeadlinesVerb_OnPostgres_ReachesTheNodesListening()
    {
        var (_, atNode) = await NodeListenerAsync();
        var ids = await AddDueAsync(4);

        var verb = await ConsoleProcess.RunWithEnvironmentAsync(_database.ConnectionString,
            new Dictionary<string, string> { ["Database__Provider"] = "Postgres" }, "scan-deadlines", "--now", "2026-03-17T08:00:00+07:00");

        Assert.True(verb.ExitCode == 0, verb.Error);
        var result = Take(atNode);
        Assert.Equal(ids, result.Changes.Select(c => c.DossierId).Order());
        Assert.Equal(4, result.Overdue);
    }

    [Fact]
    public void Notices_ManyChanges_StayUnderThePayloadLimitAndReassembleIntoTheResult()
    {
        var changes = Enumerable.Range(1, 2_000).Select(i => new AlertChange(1_000_000 + i, $"000.00.15.H48-260302-{i:0000}",
            AlertLevel.DueToday, AlertLevel.Overdue, Step: i % 7 == 0)).ToList();
        var result = DeadlineScanResult.Of(Vn(2026, 3, 17, 8), 2_100, changes, 12);

        var payloads = AlertNotices.Encode(result, lastEventId: 99);

        Assert.True(payloads.Count > 1, "2,000 changes fit in one notice?");
        Assert.All(payloads, p => Assert.True(Encoding.UTF8.GetByteCount(p) < 8_000, $"A payload of {Encoding.UTF8.GetByteCount(p)} bytes."));
        var assembled = AlertNotices.Assemble(payloads.Select(AlertNotices.Decode).Reverse().ToList());
        Assert.Equal(changes, assembled.Changes);
        Assert.Equal((result.NowUtc, result.Scanned, result.Overdue, result.StepChanged), (assembled.NowUtc, assembled.Scanned, assembled.Overdue, assembled.StepChanged));
    }
}
