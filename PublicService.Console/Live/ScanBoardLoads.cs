using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Staff;

namespace PublicService.Console.Live;

/// <summary>
/// One board load per scan, per set of visible agencies and per filter: every open board that sees the same dossiers
/// through the same filter shows the same counts after a scan, so they share one query instead of each running its
/// own (50 boards meant 50 identical reloads at once). Kept only as long as the scan's result is referenced.
/// </summary>
public static class ScanBoardLoads
{
    private static readonly ConditionalWeakTable<DeadlineScanResult, ConcurrentDictionary<string, Lazy<Task<DeadlineBoard>>>> Loads = new();

    /// <summary>The board for <paramref name="scope"/> and <paramref name="filter"/> after <paramref name="scan"/>: <paramref name="load"/> runs once for all of them.</summary>
    public static Task<DeadlineBoard> GetAsync(DeadlineScanResult scan, StaffScope scope, DeadlineBoardFilter filter, Func<Task<DeadlineBoard>> load)
    {
        // What DeadlineBoard.LoadAsync reads of the scope: all agencies, or these ones.
        var agencies = scope.SeesAllAgencies ? "*" : string.Join(',', scope.AgencyIds.Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var key = $"{agencies}|{filter}";
        return Loads.GetValue(scan, _ => new()).GetOrAdd(key, _ => new Lazy<Task<DeadlineBoard>>(load)).Value;
    }
}
