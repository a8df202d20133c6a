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
    private readonly Subscribers<(object Owner, Func<DossierChanged, Task> Handler)> _handlers = new();

    public int SubscriberCount => _handlers.Current.Length;

    /// <summary>Subscribes <paramref name="owner"/>; it is not told about the changes it publishes itself.</summary>
    public IDisposable Subscribe(object owner, Func<DossierChanged, Task> handler) => _handlers.Add((owner, handler));

    public async Task PublishAsync(object source, DossierChanged change)
    {
        foreach (var (owner, handler) in _handlers.Current)
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
}
