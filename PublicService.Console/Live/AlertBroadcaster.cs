using PublicService.Domain.Monitoring;

namespace PublicService.Console.Live;

/// <summary>
/// Fans each committed deadline scan out to every subscribed circuit, in this process. Components subscribe on
/// init, dispose the subscription on dispose, and marshal to their renderer with <c>InvokeAsync</c>: the handler
/// runs on a pool thread, concurrently with the other subscribers'.
/// </summary>
public sealed class AlertBroadcaster(ILogger<AlertBroadcaster> logger) : IAlertChangeListener
{
    private readonly Subscribers<Func<DeadlineScanResult, Task>> _handlers = new();

    /// <summary>The latest scan that changed levels, for screens that open after it.</summary>
    public DeadlineScanResult? Latest { get; private set; }

    public int SubscriberCount => _handlers.Current.Length;

    public IDisposable Subscribe(Func<DeadlineScanResult, Task> handler) => _handlers.Add(handler);

    public Task OnAlertsChangedAsync(DeadlineScanResult result, CancellationToken ct)
    {
        Latest = result;
        // All at once, each on a pool thread: every board reloads its counts from the database, and SQLite's "async"
        // reads complete synchronously, so a circuit that was idle ran its whole reload inline on this thread. One
        // after another, the last of 50 open boards waited for the 49 loads before it (seconds, tools/live-load).
        return Task.WhenAll(_handlers.Current.Select(handler => Task.Run(() => NotifyAsync(handler), CancellationToken.None)));

        async Task NotifyAsync(Func<DeadlineScanResult, Task> handler)
        {
            try
            {
                await handler(result);
            }
            catch (Exception e)
            {
                // One broken circuit must not keep the news from the others, nor fail the committed scan.
                logger.LogWarning(e, "An alert subscriber failed");
            }
        }
    }
}
