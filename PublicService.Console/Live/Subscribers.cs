namespace PublicService.Console.Live;

/// <summary>
/// The subscribers of an in-process feed. Copy-on-write, so publishing iterates a snapshot without holding the
/// lock while circuits come and go; each subscription ends once, however often it is disposed.
/// </summary>
internal sealed class Subscribers<T>
{
    private readonly Lock _gate = new();

    /// <summary>A snapshot of the subscribers at the time of reading.</summary>
    public T[] Current { get; private set; } = [];

    public IDisposable Add(T subscriber)
    {
        lock (_gate) Current = [.. Current, subscriber];
        return new Subscription(() => Remove(subscriber));
    }

    private void Remove(T subscriber)
    {
        lock (_gate) Current = Current.Where(s => !EqualityComparer<T>.Default.Equals(s, subscriber)).ToArray();
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
