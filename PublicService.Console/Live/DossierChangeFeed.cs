namespace PublicService.Console.Live;

/// <summary>A dossier changed by an officer's action on a console page: who, when, and the row version it left.</summary>
public sealed record DossierChanged(long DossierId, string Actor, DateTime AtUtc, int RowVersion);

/// <summary>
/// Tells the other open dossier pages of this process that an officer acted on a dossier, so that a page showing
/// it says it is stale and reloads instead of offering buttons that no longer fit. The workflow still refuses a
/// stale action on its own (concurrency token); this only spares the officer the refusal. In-process only, like
/// <see cref="AlertBroadcaster"/>: a dossier changed on another node is caught by that refusal.
/// </summary>
public sealed class DossierChangeFeed(ILogger<DossierChangeFeed> logger)
{
    private readonly Lock _gate = new();
    private (object Owner, Func<DossierChanged, Task> Handler)[] _handlers = [];

    public int SubscriberCount => _handlers.Length;

    /// <summary>Subscribes <paramref name="owner"/>; it is not told about the changes it publishes itself.</summary>
    public IDisposable Subscribe(object owner, Func<DossierChanged, Task> handler)
    {
        lock (_gate) _handlers = [.. _handlers, (owner, handler)];
        return new Subscription(() =>
        {
            lock (_gate) _handlers = _handlers.Where(h => h.Handler != handler).ToArray();
        });
    }

    public async Task PublishAsync(object source, DossierChanged change)
    {
        foreach (var (owner, handler) in _handlers)
        {
            if (ReferenceEquals(owner, source)) continue;
            try
            {
                await handler(change);
            }
            catch (Exception e)
            {
                // One broken circuit must not keep the news from the others, nor fail the committed action.
                logger.LogWarning(e, "A dossier change subscriber failed");
            }
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) unsubscribe();
        }
    }
}
