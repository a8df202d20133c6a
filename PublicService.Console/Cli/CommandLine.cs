namespace PublicService.Console.Cli;

/// <summary>The command-line verbs of DESIGN.md. The executable serves the web app when no verb is given.</summary>
public static class CommandLine
{
    /// <summary>True when <paramref name="args"/> names a verb (its first argument does not start with "--").</summary>
    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal);

    /// <summary>Runs the verb; returns the process exit code (0 ok, 2 bad input).</summary>
    public static Task<int> RunAsync(string[] args) => throw new NotImplementedException();
}
