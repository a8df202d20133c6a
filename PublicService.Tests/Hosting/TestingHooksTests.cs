using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PublicService.Console.Hosting;

namespace PublicService.Tests.Hosting;

/// <summary>The end-to-end tests' clock and scan hooks exist in the Testing environment and nowhere else.</summary>
public sealed class TestingHooksTests : IDisposable
{
    private readonly string _clockFile = Path.Combine(Path.GetTempPath(), $"publicservice-clock-{Guid.NewGuid():N}.txt");

    public TestingHooksTests() => File.WriteAllText(_clockFile, "2026-03-02T09:00:00+07:00");

    public void Dispose() => File.Delete(_clockFile);

    private WebApplicationBuilder Builder(string environment, bool withClock = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ApplicationName = typeof(Program).Assembly.GetName().Name,
        });
        if (withClock) builder.Configuration[TestingHooks.ClockFileKey] = _clockFile;
        return builder;
    }

    [Fact]
    public void FileClock_FileRewritten_StandsStillThenFollowsIt()
    {
        var clock = new FileClock(_clockFile);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Equal(clock.GetUtcNow(), clock.GetUtcNow());

        File.WriteAllText(_clockFile, "2026-03-05T10:30:00Z");

        Assert.Equal(new DateTimeOffset(2026, 3, 5, 10, 30, 0, TimeSpan.Zero), clock.GetUtcNow());
    }

    [Fact]
    public void FileClock_FileUnreadable_KeepsTheLastInstant()
    {
        var clock = new FileClock(_clockFile);
        var before = clock.GetUtcNow();

        File.WriteAllText(_clockFile, "2026-03-0");

        Assert.Equal(before, clock.GetUtcNow());
    }

    [Fact]
    public void FileClock_NoFile_Refuses() =>
        Assert.Throws<InvalidOperationException>(() => new FileClock(_clockFile + ".missing"));

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public void AddTestingHooks_ClockFileOutsideTesting_StopsTheStartUp(string environment)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Builder(environment).AddTestingHooks());
        Assert.Contains(TestingHooks.ClockFileKey, error.Message);
    }

    [Fact]
    public void AddTestingHooks_Testing_RegistersTheFileClock()
    {
        var builder = Builder(TestingHooks.EnvironmentName).AddTestingHooks();

        Assert.IsType<FileClock>(builder.Services.Last(d => d.ServiceType == typeof(TimeProvider)).ImplementationInstance);
    }

    [Fact]
    public void AddTestingHooks_NoClockFile_LeavesTheClockAlone()
    {
        var builder = Builder(TestingHooks.EnvironmentName, withClock: false).AddTestingHooks();

        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(TimeProvider));
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Development", false)]
    [InlineData(TestingHooks.EnvironmentName, true)]
    public async Task MapTestingHooks_MapsTheScanOnlyInTesting(string environment, bool mapped)
    {
        await using var app = Builder(environment, withClock: false).Build();

        app.MapTestingHooks(app.Environment);

        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText);
        Assert.Equal(mapped, routes.Contains(TestingHooks.ScanPath));
    }
}
