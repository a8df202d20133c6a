using PublicService.Console.Hosting;
using PublicService.Domain.Staff;

namespace PublicService.Console.Cli;

/// <summary>
/// <c>create-admin --email E [--name N]</c>: the first account of a real centre. The password comes from stdin so it
/// never shows in the process list or shell history; with nothing piped in, a strong one is generated and printed
/// once.
/// </summary>
public static class CreateAdminVerb
{
    public static async Task<int> RunAsync(VerbArguments arguments, IServiceProvider services, TextWriter output)
    {
        MigrateVerb.NoPositionals(arguments, "create-admin");
        var email = arguments.RequiredOption("email", "admin@trungtam.gov.vn");
        var name = arguments.Option("name") ?? "Quản trị viên";
        var piped = ReadPipedPassword();
        var password = string.IsNullOrEmpty(piped) ? StaffIdentity.GeneratePassword() : piped;

        await DomainServices.MigrateAndLoadCalendarAsync(services);
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
            .CreateAsync(email, name, password, [StaffRoles.Administrator], [], actor: "create-admin");
        output.WriteLine($"Created administrator {user.UserName}");
        if (string.IsNullOrEmpty(piped)) output.WriteLine($"Password (shown once): {password}");
        return 0;
    }

    // A terminal is not read from: an operator typing at an invisible prompt is worse than a generated password.
    private static string? ReadPipedPassword()
    {
        if (!System.Console.IsInputRedirected) return null;
        var text = System.Console.In.ReadToEnd();
        return text.TrimEnd('\r', '\n');
    }
}
