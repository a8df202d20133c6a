using Microsoft.Extensions.DependencyInjection;
using PublicService.Domain.Demo;
using PublicService.Tests.Support;

namespace PublicService.Tests.Components;

/// <summary>
/// Pages rendered against a migrated SQLite file holding the demo catalog, with the database factory and the
/// compiled calendar registered as the app registers them; each area adds the services its pages inject.
/// </summary>
public abstract class DemoCatalogPageTestBase : ComponentTestBase, IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;
    protected DemoCatalog Demo { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Demo = DemoCatalog.Build();
        await using (var db = Database.Open())
        {
            await Demo.AddToAsync(db);
        }

        Services.AddSingleton(Database.Factory);
        Services.AddSingleton(Database.Calendars);
        AddPageServices(Services);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>The domain services the area's pages inject.</summary>
    protected abstract void AddPageServices(IServiceCollection services);
}
