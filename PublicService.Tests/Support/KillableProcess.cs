using System.Collections.Concurrent;
using System.Diagnostics;

namespace PublicService.Tests.Support;

/// <summary>
/// The real console executable with a verb, in the Testing environment, watched line by line on stderr so a test
/// can kill it (SIGKILL on Linux) at a known point of its work.
/// </summary>
public sealed class KillableProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _errorLines = new();
    private readonly System.Text.StringBuilder _output = new();
    private readonly SemaphoreSlim _lineArrived = new(0);

    private KillableProcess(Process process)
    {
        _process = process;
    }

    public static KillableProcess Start(string connectionString, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var process = new Process { StartInfo = ConsoleProcess.StartInfo(connectionString, "Testing", environment, args) };
        var killable = new KillableProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            killable._errorLines.Enqueue(e.Data);
            killable._lineArrived.Release();
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (killable._output) killable._output.AppendLine(e.Data);
        };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return killable;
    }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public IReadOnlyCollection<string> ErrorLines => _errorLines.ToArray();

    /// <summary>Waits until <paramref name="count"/> stderr lines match; fails if the process ends first.</summary>
    public async Task WaitForErrorLinesAsync(Func<string, bool> match, int count, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (_errorLines.Count(match) < count)
        {
            if (_process.HasExited)
                throw new InvalidOperationException(
                    $"The process ended (exit {_process.ExitCode}) before the point to kill it. stdout: {Output} stderr: {string.Join('\n', ErrorLines)}");
            try
            {
                await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited {timeout} for the process; stderr: {string.Join('\n', ErrorLines)}");
            }
        }
    }

    /// <summary>SIGKILL (on Linux) to the process and its children; returns its exit code.</summary>
    public async Task<int> KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        _lineArrived.Dispose();
    }
}
