using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PublicService.Domain.Persistence;
using PublicService.Domain.Staff;
using PublicService.Tests.Support;

namespace PublicService.Tests.Cli;

/// <summary><c>create-admin</c> through the real executable: password from stdin or generated, refusals with exit 2.</summary>
public sealed class CreateAdminVerbTests : IDisposable
{
    private readonly TemporarySqliteFile _database = new("admin");
    private string ConnectionString => _database.ConnectionString;

    public void Dispose() => _database.Dispose();

    private async Task<(StaffUser User, IList<string> Roles, bool PasswordOk)> LoadAsync(string email, string password)
    {
        var options = new DbContextOptionsBuilder<PublicServiceDbContext>();
        PublicServiceDatabase.Configure(options, DatabaseProvider.Sqlite, ConnectionString);
        await using var db = new PublicServiceDbContext(options.Options);
        var user = await db.Users.SingleAsync(u => u.NormalizedUserName == email.ToUpperInvariant());
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        var verified = new PasswordHasher<StaffUser>().VerifyHashedPassword(user, user.PasswordHash!, password);
        return (user, roles, verified != PasswordVerificationResult.Failed);
    }

    [Fact]
    public async Task CreateAdmin_PasswordOnStdin_CreatesAnAdministratorWithIt()
    {
        var result = await ConsoleProcess.RunWithInputAsync(ConnectionString, "QuanTri2026abc\n", "create-admin", "--email", "admin@h48.gov.vn", "--name", "Đỗ Minh Quân");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Created administrator admin@h48.gov.vn"], result.Lines);
        var (user, roles, passwordOk) = await LoadAsync("admin@h48.gov.vn", "QuanTri2026abc");
        Assert.Equal("Đỗ Minh Quân", user.FullName);
        Assert.Equal([StaffRoles.Administrator], roles);
        Assert.True(passwordOk);
    }

    [Fact]
    public async Task CreateAdmin_NothingOnStdin_PrintsAGeneratedPasswordOnce()
    {
        var result = await ConsoleProcess.RunWithInputAsync(ConnectionString, "", "create-admin", "--email", "admin@h48.gov.vn");

        Assert.Equal(0, result.ExitCode);
        var password = Assert.Single(result.Lines, l => l.StartsWith("Password (shown once): "))["Password (shown once): ".Length..];
        Assert.Matches("^(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9]).{16}$", password);
        Assert.True((await LoadAsync("admin@h48.gov.vn", password)).PasswordOk);
    }

    [Theory]
    [InlineData("ngan\n", "create-admin", "--email", "admin@h48.gov.vn")]
    [InlineData("QuanTri2026abc\n", "create-admin")]
    [InlineData("QuanTri2026abc\n", "create-admin", "--email", "khong-phai-email")]
    [InlineData("QuanTri2026abc\n", "create-admin", "--email", "admin@h48.gov.vn", "--role", "x")]
    public async Task CreateAdmin_BadInput_ExitsWithTwoAndOneLineReason(string input, params string[] args)
    {
        var result = await ConsoleProcess.RunWithInputAsync(ConnectionString, input, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task CreateAdmin_EmailTaken_ExitsWithTwo()
    {
        await ConsoleProcess.RunWithInputAsync(ConnectionString, "QuanTri2026abc\n", "create-admin", "--email", "admin@h48.gov.vn");

        var again = await ConsoleProcess.RunWithInputAsync(ConnectionString, "QuanTri2026abc\n", "create-admin", "--email", "admin@h48.gov.vn");

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("admin@h48.gov.vn", again.Error);
    }
}
