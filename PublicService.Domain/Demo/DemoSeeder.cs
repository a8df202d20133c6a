using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Persistence;
using PublicService.Domain.Settings;

namespace PublicService.Domain.Demo;

public sealed record DemoSeedReport(int Agencies, int Procedures, int Dossiers, int Events)
{
    public override string ToString() =>
        $"{Agencies} agencies, {Procedures} procedures, {Dossiers} dossiers, {Events} dossier events";
}

/// <summary>
/// Seeds the demo catalog (once) and deterministic demo dossiers: the same <c>seed</c> and dossier count give the
/// same data relative to the current time.
/// </summary>
public sealed class DemoSeeder(IDbContextFactory<PublicServiceDbContext> dbFactory, WorkingCalendarProvider calendars, TimeProvider time)
{
    public const int DefaultDossierCount = 400;
    public const int DefaultSeed = 48;
    private const int BatchSize = 1000;

    /// <summary>Seeds only a database without procedures; null when it already had data.</summary>
    public async Task<DemoSeedReport?> SeedIfEmptyAsync(int dossiers, int seed, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Procedures.AnyAsync(ct)) return null;
        }
        return await SeedAsync(dossiers, seed, ct);
    }

    public async Task<DemoSeedReport> SeedAsync(int dossiers, int seed, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.Procedures.AnyAsync(ct))
                await DemoCatalog.Build().AddToAsync(db, ct);
        }

        var (intakes, counters, context) = await LoadAsync(ct);
        if (intakes.Count == 0 && dossiers > 0)
            throw new DomainException("demo.no-procedures", "Danh mục không có thủ tục nào đang có hiệu lực để tạo hồ sơ demo.");
        var generator = new DemoDossiers(new Random(seed), context, time.GetUtcNow().UtcDateTime);
        var random = new Random(seed + 1);
        var events = 0;
        for (var done = 0; done < dossiers; done += BatchSize)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = Enumerable.Range(0, Math.Min(BatchSize, dossiers - done))
                .Select(_ => generator.Create(intakes[random.Next(intakes.Count)], (intake, at) => NextCode(counters, intake, at)))
                .ToList();
            db.Dossiers.AddRange(batch);
            await db.SaveChangesAsync(ct);
            events += batch.Sum(d => d.Events.Count);
        }
        await SaveCountersAsync(counters.Values, ct);

        await using var summary = await dbFactory.CreateDbContextAsync(ct);
        return new DemoSeedReport(await summary.Agencies.CountAsync(ct), await summary.Procedures.CountAsync(ct), dossiers, events);
    }

    private async Task<(List<DemoIntake>, Dictionary<(int, DateOnly), DossierCodeCounter>, DeadlineContext)> LoadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var context = await db.LoadDeadlineContextAsync(calendars, ct);
        var today = VietnamTime.DateOf(time.GetUtcNow().UtcDateTime);
        var procedures = await db.Procedures.Include(p => p.Versions).AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var intakes = new List<DemoIntake>();
        foreach (var procedure in procedures)
        {
            if (procedure.PublishedVersionOn(today) is not { } version) continue;
            foreach (var @case in version.Cases)
                foreach (var channel in @case.Channels)
                    intakes.Add(new DemoIntake(procedure.Id, version.Id, @case.Code, channel.Channel,
                        version.TermsFor(@case.Code, channel.Channel), @case.Documents.Select(d => d.Name).ToList(),
                        version.ImplementingAgencyId, agencies[version.ImplementingAgencyId]));
        }
        var counters = await db.DossierCodeCounters.AsNoTracking().ToDictionaryAsync(c => (c.AgencyId, c.Day), ct);
        return (intakes, counters, context);
    }

    private static string NextCode(Dictionary<(int, DateOnly), DossierCodeCounter> counters, DemoIntake intake, DateTime receivedAtUtc)
    {
        var key = (intake.ReceivingAgencyId, VietnamTime.DateOf(receivedAtUtc));
        if (!counters.TryGetValue(key, out var counter))
            counters[key] = counter = new DossierCodeCounter(key.Item1, key.Item2);
        return DossierCode.Format(intake.ReceivingAgencyCode, receivedAtUtc, counter.Next());
    }

    private async Task SaveCountersAsync(IEnumerable<DossierCodeCounter> counters, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.DossierCodeCounters.ToDictionaryAsync(c => (c.AgencyId, c.Day), ct);
        foreach (var counter in counters)
        {
            if (stored.TryGetValue((counter.AgencyId, counter.Day), out var existing))
                db.Entry(existing).Property(c => c.LastNumber).CurrentValue = counter.LastNumber;
            else
                db.DossierCodeCounters.Add(counter);
        }
        await db.SaveChangesAsync(ct);
    }
}
