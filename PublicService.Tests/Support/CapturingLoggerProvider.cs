using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PublicService.Tests.Support;

/// <summary>One log line as a structured sink sees it: the message and every property, its own and its scopes'.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Properties);

/// <summary>An <see cref="ILoggerProvider"/> that keeps every line with its structured properties, scopes included.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<CapturedLog> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            provider._scopes.ForEachScope((scope, props) => Add(scope, props), properties);
            Add(state, properties);
            provider.Lines.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), properties));
        }

        private static void Add(object? values, Dictionary<string, object?> properties)
        {
            if (values is IEnumerable<KeyValuePair<string, object?>> pairs)
                foreach (var (key, value) in pairs) properties[key] = value;
            else if (values is IEnumerable<KeyValuePair<string, object>> strictPairs)
                foreach (var (key, value) in strictPairs) properties[key] = value;
        }
    }
}
