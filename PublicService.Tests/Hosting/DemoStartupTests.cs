using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PublicService.Console.Hosting;
using PublicService.Domain.Demo;
using PublicService.Domain.Staff;
using PublicService.Tests.Support;

namespace PublicService.Tests.Hosting;

/// <summary><c>--demo</c> at start-up: demo accounts with their published password go only into a freshly seeded database.</summary>
public sealed class DemoStartupTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:PublicService", _database.ConnectionString)]).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(_database.Clock);
        services.AddPublicServiceDomain(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Demo_EmptyDatabase_CreatesOneAccountPerRoleAndPrintsTheLogins()
    {
        await using var services = Services();
        var output = new StringWriter();

        await DomainServices.PrepareDatabaseAsync(services, demo: true, output);

        Assert.Contains(DemoStaff.Password, output.ToString());
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        foreach (var login in DemoStaff.Logins)
        {
            var user = await users.FindByNameAsync(login.UserName);
            Assert.NotNull(user);
            Assert.Equal([login.Role], await users.GetRolesAsync(user));
            Assert.Equal(login.AgencyCodes.Count, user.AgencyIds.Count);
        }
    }

    [Fact]
    public async Task Demo_DatabaseWithData_AddsNoDemoAccount()
    {
        await using (var db = _database.Open())
            await DemoCatalog.Build().AddToAsync(db, CancellationToken.None);
        await using var services = Services();
        var output = new StringWriter();

        await DomainServices.PrepareDatabaseAsync(services, demo: true, output);

        Assert.DoesNotContain(DemoStaff.Password, output.ToString());
        await using var scope = services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DemoStaff>().AnyExistsAsync());
    }
}
