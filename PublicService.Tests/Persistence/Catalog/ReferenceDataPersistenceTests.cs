using PublicService.Domain.Catalog;
using PublicService.Domain.Persistence;
using PublicService.Tests.Support;

namespace PublicService.Tests.Persistence.Catalog;

public abstract class ReferenceDataPersistenceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public void Counter_AgencyLinks_SaveLoadAndRemove()
    {
        int counterId, justiceId, policeId;
        using (var db = _database.Open())
        {
            var justice = new Agency("000.00.15.H48", "Sở Tư pháp");
            var police = new Agency("000.00.53.H48", "Công an tỉnh");
            db.AddRange(justice, police);
            db.SaveChanges();
            var counter = new Counter("Q01", "Quầy 01 – Tư pháp, Công an", [justice.Id, police.Id]);
            db.Add(counter);
            db.SaveChanges();
            (counterId, justiceId, policeId) = (counter.Id, justice.Id, police.Id);
        }

        using (var db = _database.Open())
        {
            var counter = db.Counters.Single(c => c.Id == counterId);
            Assert.Equal([justiceId, policeId], counter.AgencyIds.Order());
            counter.StopReceivingFor(policeId);
            db.SaveChanges();
        }

        using (var db = _database.Open())
        {
            Assert.Equal([justiceId], db.Counters.Single().AgencyIds);
        }
    }

    [Fact]
    public void Agency_Rename_Persists()
    {
        using (var db = _database.Open())
        {
            db.Add(new Agency("000.00.15.H48", "Sở Tư pháp"));
            db.SaveChanges();
        }

        using (var db = _database.Open())
        {
            db.Agencies.Single().Rename("Sở Tư pháp tỉnh H48");
            db.SaveChanges();
        }

        using (var db = _database.Open())
        {
            Assert.Equal("Sở Tư pháp tỉnh H48", db.Agencies.Single().Name);
        }
    }
}

public sealed class SqliteReferenceDataPersistenceTests() : ReferenceDataPersistenceTests(DatabaseProvider.Sqlite);

public sealed class PostgresReferenceDataPersistenceTests() : ReferenceDataPersistenceTests(DatabaseProvider.Postgres);
