using System.Globalization;

namespace PublicService.Console.Cli.Bench;

/// <summary>The bench's figures: printed as a table, then one <c>name=value</c> line each (the contract scripts read).</summary>
internal sealed class BenchTable
{
    private readonly List<(string Name, double Value, string Target, bool? Met, string Note)> _results = [];

    public void Add(string name, double value, string target, bool? met, string note = "") => _results.Add((name, value, target, met, note));

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{"measure",-34} {"value",12} {"target",8} {"met",4}  note");
        foreach (var r in _results)
            output.WriteLine($"{r.Name,-34} {Format(r.Value),12} {r.Target,8} {(r.Met is null ? "" : r.Met.Value ? "yes" : "NO"),4}  {r.Note}");
        output.WriteLine();
        foreach (var r in _results) output.WriteLine($"{r.Name}={Format(r.Value)}");
    }

    private static string Format(double value) => value.ToString(value >= 100 ? "0" : "0.###", CultureInfo.InvariantCulture);
}
