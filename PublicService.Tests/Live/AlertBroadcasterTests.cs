using Microsoft.Extensions.Logging.Abstractions;
using PublicService.Console.Live;
using PublicService.Domain.Monitoring;

namespace PublicService.Tests.Live;

public sealed class AlertBroadcasterTests
{
    private static readonly DeadlineScanResult Result = new(DateTime.UtcNow, 3, 3, 1, 1, 1, 5, false, []);

    [Fact]
    public async Task Publish_TwoSubscribers_RunConcurrentlyNotOneAfterTheOther()
    {
        var broadcaster = new AlertBroadcaster(NullLogger<AlertBroadcaster>.Instance);
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first subscriber finishes only once the second has started: one after the other, it would wait forever.
        // A blocking wait, as a circuit whose reload completes synchronously (SQLite) would hold the publishing thread.
        var overlapped = false;
        using var first = broadcaster.Subscribe(_ =>
        {
            overlapped = secondStarted.Task.Wait(TimeSpan.FromSeconds(30));
            return Task.CompletedTask;
        });
        using var second = broadcaster.Subscribe(_ =>
        {
            secondStarted.TrySetResult();
            return Task.CompletedTask;
        });

        await broadcaster.OnAlertsChangedAsync(Result, CancellationToken.None);

        Assert.True(overlapped, "The second subscriber started only after the first had finished.");
    }

    [Fact]
    public async Task Publish_OneSubscriberThrows_TheOthersStillHearAndThePublishSucceeds()
    {
        var broadcaster = new AlertBroadcaster(NullLogger<AlertBroadcaster>.Instance);
        var heard = 0;
        using var broken = broadcaster.Subscribe(_ => throw new InvalidOperationException("circuit gone"));
        using var healthy = broadcaster.Subscribe(_ =>
        {
            Interlocked.Increment(ref heard);
            return Task.CompletedTask;
        });

        await broadcaster.OnAlertsChangedAsync(Result, CancellationToken.None);

        Assert.Equal(1, heard);
        Assert.Same(Result, broadcaster.Latest);
    }
}
