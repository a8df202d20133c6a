using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Demo;
using PublicService.Domain.Persistence;
using PublicService.Tests.Support;

namespace PublicService.Tests.Persistence.Catalog;

public abstract class DemoCatalogTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public void Build_IsDeterministicAndHoldsOnlyReferenceDataBeforeSaving()
    {
        var first = DemoCatalog.Build();
        var second = DemoCatalog.Build();

        Assert.Equal(first.Agencies.Select(a => (a.Code, a.Name)), second.Agencies.Select(a => (a.Code, a.Name)));
        Assert.Equal(9, first.Agencies.Count);
        Assert.Equal(2, first.Levels.Count);
        Assert.Empty(first.Procedures);
        Assert.Empty(first.Counters);
    }

    [Fact]
    public async Task AddToAsync_SavesCatalogThatLoadsBack()
    {
        var demo = DemoCatalog.Build();
        await using (var db = _database.Open())
        {
            await demo.AddToAsync(db);
        }

        using var read = _database.Open();
        var procedures = read.Procedures.ToList();
        Assert.Equal(20, procedures.Count);
        Assert.Equal(9, read.Agencies.Count());
        Assert.Equal(3, read.Counters.Count());
        Assert.Equal(demo.Fields.Count, read.Fields.Count());

        var versions = procedures.Select(p => Assert.Single(p.Versions)).ToList();
        Assert.All(versions, v => Assert.Equal(VersionStatus.Published, v.Status));
        Assert.All(versions, v => Assert.Equal(DemoCatalog.EffectiveFrom, v.EffectiveFrom));
        Assert.All(procedures, p => Assert.NotNull(p.PublishedVersionOn(new DateOnly(2025, 7, 1))));
        Assert.True(versions.Count(v => v.Kind == ProcedureKind.Interconnected) >= 3);
        Assert.True(versions.Count(v => v.SupplementMode == SupplementClockMode.Restart) >= 2);
        Assert.Contains(versions, v => v.DefaultTimeUnit == TimeUnit.SameDay);
        Assert.Contains(versions, v => v.DefaultTimeUnit == TimeUnit.WorkingHours);
        Assert.Contains(versions, v => v.DefaultTimeUnit == TimeUnit.CalendarDays);

        // Every case and channel yields clock terms whose steps add up to the total.
        foreach (var version in versions)
        {
            foreach (var @case in version.Cases)
            {
                foreach (var term in @case.Channels)
                {
                    var terms = version.TermsFor(@case.Code, term.Channel);
                    Assert.Equal(terms.Total.Amount, terms.Steps.Sum(s => s.Share.Amount));
                }
            }
        }

        var landOffice = read.Agencies.Single(a => a.Code == "000.01.20.H48");
        Assert.Equal(read.Agencies.Single(a => a.Code == "000.00.20.H48").Id, landOffice.ParentId);
        Assert.Contains(read.Counters.ToList(), c => c.Receives(landOffice.Id));
    }

    [Fact]
    public void AddTo_JudicialRecordProcedure_HasVerificationCaseAndFees()
    {
        using (var db = _database.Open())
        {
            DemoCatalog.Build().AddTo(db);
        }

        using var read = _database.Open();
        var version = read.Procedures.Single(p => p.Code == "2.000505.000.00.00.H48").Versions[0];
        var terms = version.TermsFor("xac-minh", Channel.Post);

        Assert.Equal(new ProcessingTime(15, TimeUnit.WorkingDays), terms.Total);
        Assert.Equal(200_000, version.DefaultCase.TermsOf(Channel.InPerson)!.TotalFee);
        Assert.Contains("ly lich tu phap", version.NameSearch);
    }

    [Fact]
    public void AddTo_LandCertificate_SplitsTimeAcrossAgenciesWithZeroDayReturn()
    {
        using (var db = _database.Open())
        {
            DemoCatalog.Build().AddTo(db);
        }

        using var read = _database.Open();
        var agencies = read.Agencies.ToDictionary(a => a.Id, a => a.Code);
        var version = read.Procedures.Single(p => p.Code == "1.012756.000.00.00.H48").Versions[0];
        var steps = version.TermsFor("default", Channel.InPerson).Steps;

        Assert.Equal(["000.01.20.H48", "H48.15", "000.00.20.H48", "000.01.20.H48"], steps.Select(s => agencies[s.AgencyId]));
        Assert.Equal([10, 5, 5, 0], steps.Select(s => s.Share.Amount));
    }
}

public sealed class SqliteDemoCatalogTests() : DemoCatalogTests(DatabaseProvider.Sqlite);

public sealed class PostgresDemoCatalogTests() : DemoCatalogTests(DatabaseProvider.Postgres);
