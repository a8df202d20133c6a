using PublicService.Console.Hosting;

namespace PublicService.Console.Cli;

/// <summary><c>migrate</c>: applies pending migrations and says which.</summary>
public static class MigrateVerb
{
    public static async Task<int> RunAsync(VerbArguments arguments, IServiceProvider services, TextWriter output)
    {
        NoPositionals(arguments, "migrate");
        var applied = await DomainServices.MigrateAndLoadCalendarAsync(services);
        if (applied.Count == 0) output.WriteLine("Database is up to date; no migration applied.");
        foreach (var migration in applied) output.WriteLine($"Applied {migration}");
        return 0;
    }

    internal static void NoPositionals(VerbArguments arguments, string verb)
    {
        if (arguments.Positionals.Count > 0)
            throw new VerbArgumentException($"{verb} takes no positional argument (got '{arguments.Positionals[0]}')");
    }
}
