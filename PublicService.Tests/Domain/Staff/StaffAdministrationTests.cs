using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PublicService.Console.Hosting;
using PublicService.Domain;
using PublicService.Domain.Audit;
using PublicService.Domain.Demo;
using PublicService.Domain.Staff;
using PublicService.Tests.Support;

namespace PublicService.Tests.Domain.Staff;

/// <summary>The administrator's account rules, against a migrated database with the demo agencies.</summary>
public sealed class StaffAdministrationTests : IAsyncLifetime
{
    private const string Password = "KiemThu2026x";
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private StaffUser _admin = null!;
    private StaffUser _officer = null!;
    private int _justice;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using (var db = _database.Open())
            await DemoCatalog.Build().AddToAsync(db, CancellationToken.None);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:PublicService", _database.ConnectionString)]).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(_database.Clock);
        services.AddPublicServiceDomain(configuration);
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await using (var db = _database.Open())
            _justice = await db.Agencies.Where(a => a.Code == "000.00.15.H48").Select(a => a.Id).SingleAsync();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        _admin = await accounts.CreateAsync("quantri@test.vn", "Nguyễn Văn An", Password, [StaffRoles.Administrator], []);
        _officer = await accounts.CreateAsync("xuly@test.vn", "Phạm Văn Dũng", Password, [StaffRoles.ProcessingOfficer], [_justice]);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private StaffActor Admin => new(_admin.Id, _admin.UserName!, "10.0.0.7");

    /// <summary>Runs one operation in its own scope, as the page does.</summary>
    private async Task<T> RunAsync<T>(Func<StaffAdministration, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<StaffAdministration>());
    }

    private Task RunAsync(Func<StaffAdministration, Task> work) => RunAsync(async admin => { await work(admin); return true; });

    private async Task<StaffSummary> RowAsync(string userName) =>
        (await RunAsync(admin => admin.ListAsync())).Single(u => u.UserName == userName);

    private async Task<StaffUser> StoredAsync(string userName)
    {
        await using var scope = _services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName))!;
    }

    private async Task<List<AuditEntry>> TrailAsync(string action)
    {
        await using var db = _database.Open();
        return await db.AuditEntries.Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<bool> PasswordWorksAsync(string userName, string password)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await users.CheckPasswordAsync((await users.FindByNameAsync(userName))!, password);
    }

    [Fact]
    public async Task Create_ValidDraft_MakesAnAccountWhoseGeneratedPasswordWorksAndAuditsIt()
    {
        var created = await RunAsync(admin => admin.CreateAsync(" giamsat2@test.vn ",
            new StaffDraft("Võ Thị Giang", [StaffRoles.Supervisor], [_justice]), Admin));

        Assert.Equal("giamsat2@test.vn", created.UserName);
        Assert.True(await PasswordWorksAsync("giamsat2@test.vn", created.Password));
        var row = await RowAsync("giamsat2@test.vn");
        Assert.Equal([StaffRoles.Supervisor], row.Roles);
        Assert.Equal(["Sở Tư pháp"], row.Agencies.Select(a => a.Name));
        Assert.False(row.IsDisabled);
        var line = (await TrailAsync(AuditActions.AccountCreated)).Last();
        Assert.Equal(("quantri@test.vn", "giamsat2@test.vn", "10.0.0.7"), (line.Actor, line.Subject, line.Address));
        var fields = AuditChange.Parse(line.Detail)!;
        Assert.Contains(new AuditFieldChange("FullName", null, "Võ Thị Giang"), fields);
        Assert.Contains(new AuditFieldChange("Agencies", null, "Sở Tư pháp"), fields);
        Assert.Equal(row.LastChangeUtc, line.AtUtc);
    }

    [Theory]
    [InlineData(StaffRoles.ProcessingOfficer)]
    [InlineData(StaffRoles.Supervisor)]
    public async Task Create_AgencyBoundRoleWithoutAgency_IsRefusedOnTheAgencyField(string role)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            RunAsync(admin => admin.CreateAsync("moi@test.vn", new StaffDraft("Lê Văn Mới", [role], []), Admin)));

        Assert.Equal(("staff.agency.required", "AgencyIds"), (error.Error.Code, error.Error.Field));
        Assert.Contains("ít nhất một cơ quan", error.Error.Message);
        Assert.Null(await StoredAsync("moi@test.vn"));
    }

    [Theory]
    [InlineData("", "Lê Văn Mới", StaffRoles.CatalogEditor, "staff.email.required", "Email")]
    [InlineData("khong-phai-email", "Lê Văn Mới", StaffRoles.CatalogEditor, "staff.email.invalid", "Email")]
    [InlineData("xuly@test.vn", "Lê Văn Mới", StaffRoles.CatalogEditor, "staff.email.taken", "Email")]
    [InlineData("moi@test.vn", "  ", StaffRoles.CatalogEditor, "staff.name.required", "FullName")]
    [InlineData("moi@test.vn", "Lê Văn Mới", null, "staff.role.required", "Roles")]
    [InlineData("moi@test.vn", "Lê Văn Mới", "Superuser", "staff.role.unknown", "Roles")]
    public async Task Create_BadInput_IsRefusedNamingTheField(string email, string name, string? role, string code, string field)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            RunAsync(admin => admin.CreateAsync(email, new StaffDraft(name, role is null ? [] : [role], []), Admin)));

        Assert.Equal((code, field), (error.Error.Code, error.Error.Field));
        Assert.Null(await StoredAsync("moi@test.vn"));
    }

    [Fact]
    public async Task Create_UnknownAgency_IsRefused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            RunAsync(admin => admin.CreateAsync("moi@test.vn", new StaffDraft("Lê Văn Mới", [StaffRoles.ProcessingOfficer], [99999]), Admin)));

        Assert.Equal("staff.agency.unknown", error.Error.Code);
    }

    [Fact]
    public async Task Disable_Self_IsRefused()
    {
        var row = await RowAsync("quantri@test.vn");

        var error = await Assert.ThrowsAsync<DomainException>(() => RunAsync(admin => admin.DisableAsync(row.Id, row.ConcurrencyStamp, Admin)));

        Assert.Equal("staff.disable.self", error.Error.Code);
        Assert.False((await StoredAsync("quantri@test.vn")).IsDisabled);
    }

    [Fact]
    public async Task Disable_LastEnabledAdministrator_IsRefusedEvenForTheSystem()
    {
        var row = await RowAsync("quantri@test.vn");

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            RunAsync(admin => admin.DisableAsync(row.Id, row.ConcurrencyStamp, new StaffActor("system", "system"))));

        Assert.Equal("staff.admin.last", error.Error.Code);
        Assert.False((await StoredAsync("quantri@test.vn")).IsDisabled);
    }

    [Fact]
    public async Task Disable_AnotherAdministratorWhileOneRemains_Works()
    {
        var second = await RunAsync(admin => admin.CreateAsync("quantri2@test.vn", new StaffDraft("Trần Văn Hai", [StaffRoles.Administrator], []), Admin));
        var row = await RowAsync("quantri2@test.vn");

        await RunAsync(admin => admin.DisableAsync(row.Id, row.ConcurrencyStamp, Admin));

        Assert.True((await RowAsync(second.UserName)).IsDisabled);
    }

    [Fact]
    public async Task Update_RemovingOwnAdministratorRole_IsRefused()
    {
        await RunAsync(admin => admin.CreateAsync("quantri2@test.vn", new StaffDraft("Trần Văn Hai", [StaffRoles.Administrator], []), Admin));
        var row = await RowAsync("quantri@test.vn");

        var error = await Assert.ThrowsAsync<DomainException>(() => RunAsync(admin =>
            admin.UpdateAsync(row.Id, row.ConcurrencyStamp, new StaffDraft(row.FullName, [StaffRoles.CatalogEditor], []), Admin)));

        Assert.Equal(("staff.admin.self", "Roles"), (error.Error.Code, error.Error.Field));
        Assert.Equal([StaffRoles.Administrator], (await RowAsync("quantri@test.vn")).Roles);
    }

    [Fact]
    public async Task Update_RemovingTheRoleOfTheLastEnabledAdministrator_IsRefused()
    {
        // A second administrator exists but is disabled: it does not count.
        await RunAsync(admin => admin.CreateAsync("quantri2@test.vn", new StaffDraft("Trần Văn Hai", [StaffRoles.Administrator], []), Admin));
        var second = await RowAsync("quantri2@test.vn");
        await RunAsync(admin => admin.DisableAsync(second.Id, second.ConcurrencyStamp, Admin));
        var row = await RowAsync("quantri@test.vn");

        var error = await Assert.ThrowsAsync<DomainException>(() => RunAsync(admin =>
            admin.UpdateAsync(row.Id, row.ConcurrencyStamp, new StaffDraft(row.FullName, [StaffRoles.CatalogEditor], []), new StaffActor("system", "system"))));

        Assert.Equal("staff.admin.last", error.Error.Code);
    }

    [Fact]
    public async Task Update_RolesAndAgencies_AreReplacedTheStampRenewedAndTheDiffAudited()
    {
        var row = await RowAsync("xuly@test.vn");
        var stamp = (await StoredAsync("xuly@test.vn")).SecurityStamp;
        int land;
        await using (var db = _database.Open())
            land = await db.Agencies.Where(a => a.Code == "000.01.20.H48").Select(a => a.Id).SingleAsync();

        await RunAsync(admin => admin.UpdateAsync(row.Id, row.ConcurrencyStamp,
            new StaffDraft("Phạm Văn Dũng", [StaffRoles.ProcessingOfficer, StaffRoles.Supervisor], [land]), Admin));

        var after = await RowAsync("xuly@test.vn");
        Assert.Equal([StaffRoles.ProcessingOfficer, StaffRoles.Supervisor], after.Roles);
        Assert.Equal([land], after.Agencies.Select(a => a.Id));
        Assert.NotEqual(stamp, (await StoredAsync("xuly@test.vn")).SecurityStamp);
        var changes = AuditChange.Parse((await TrailAsync(AuditActions.AccountUpdated)).Single().Detail)!;
        Assert.Equal(["Roles", "Agencies"], changes.Where(c => c.Changed).Select(c => c.Field));
        Assert.Equal(new AuditFieldChange("Roles", "ProcessingOfficer", "ProcessingOfficer, Supervisor"), changes.Single(c => c.Field == "Roles"));
    }

    [Fact]
    public async Task Update_NothingChanged_WritesNoAuditLine()
    {
        var row = await RowAsync("xuly@test.vn");

        await RunAsync(admin => admin.UpdateAsync(row.Id, row.ConcurrencyStamp, new StaffDraft(row.FullName, row.Roles, [_justice]), Admin));

        Assert.Empty(await TrailAsync(AuditActions.AccountUpdated));
    }

    [Fact]
    public async Task Update_AgencyBoundRoleLosingItsLastAgency_IsRefused()
    {
        var row = await RowAsync("xuly@test.vn");

        var error = await Assert.ThrowsAsync<DomainException>(() => RunAsync(admin =>
            admin.UpdateAsync(row.Id, row.ConcurrencyStamp, new StaffDraft(row.FullName, row.Roles, []), Admin)));

        Assert.Equal("AgencyIds", error.Error.Field);
        Assert.Single((await RowAsync("xuly@test.vn")).Agencies);
    }

    [Fact]
    public async Task Change_AfterSomeoneElseEditedTheAccount_IsRefusedAsStale()
    {
        var seen = await RowAsync("xuly@test.vn");
        await RunAsync(admin => admin.UpdateAsync(seen.Id, seen.ConcurrencyStamp, new StaffDraft("Phạm Văn Dũng Hai", seen.Roles, [_justice]), Admin));

        var error = await Assert.ThrowsAsync<DomainException>(() => RunAsync(admin => admin.DisableAsync(seen.Id, seen.ConcurrencyStamp, Admin)));

        Assert.Equal("staff.stale", error.Error.Code);
        Assert.False((await StoredAsync("xuly@test.vn")).IsDisabled);
    }

    [Fact]
    public async Task DisableThenEnable_FlipsTheFlagRenewsTheStampAndAuditsBoth()
    {
        var row = await RowAsync("xuly@test.vn");
        var stamp = (await StoredAsync("xuly@test.vn")).SecurityStamp;

        await RunAsync(admin => admin.DisableAsync(row.Id, row.ConcurrencyStamp, Admin));
        var disabled = await StoredAsync("xuly@test.vn");
        Assert.True(disabled.IsDisabled);
        Assert.NotEqual(stamp, disabled.SecurityStamp);
        await RunAsync(admin => admin.EnableAsync(row.Id, disabled.ConcurrencyStamp!, Admin));

        Assert.False((await StoredAsync("xuly@test.vn")).IsDisabled);
        var off = AuditChange.Parse((await TrailAsync(AuditActions.AccountDisabled)).Single().Detail)!;
        Assert.Equal(new AuditFieldChange("Disabled", "false", "true"), off.Single(c => c.Changed));
        Assert.Single(await TrailAsync(AuditActions.AccountEnabled));
    }

    [Fact]
    public async Task ResetPassword_NewPasswordWorksOldDoesNotAndTheLockoutIsLifted()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByNameAsync("xuly@test.vn"))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(15));
        }
        var row = await RowAsync("xuly@test.vn");
        Assert.True(row.IsLockedOut);

        var password = await RunAsync(admin => admin.ResetPasswordAsync(row.Id, row.ConcurrencyStamp, Admin));

        Assert.True(await PasswordWorksAsync("xuly@test.vn", password));
        Assert.False(await PasswordWorksAsync("xuly@test.vn", Password));
        Assert.False((await RowAsync("xuly@test.vn")).IsLockedOut);
        var line = (await TrailAsync(AuditActions.PasswordReset)).Single();
        Assert.DoesNotContain(password, line.Detail);
        Assert.Equal(new AuditFieldChange("LockedOut", "true", "false"), AuditChange.Parse(line.Detail)!.Single(c => c.Changed));
    }

    [Fact]
    public async Task ResetPassword_OwnAccount_IsRefused()
    {
        var row = await RowAsync("quantri@test.vn");

        var error = await Assert.ThrowsAsync<DomainException>(() => RunAsync(admin => admin.ResetPasswordAsync(row.Id, row.ConcurrencyStamp, Admin)));

        Assert.Equal("staff.reset.self", error.Error.Code);
        Assert.True(await PasswordWorksAsync("quantri@test.vn", Password));
    }

    [Theory]
    [InlineData("pham van dung", "xuly@test.vn")]
    [InlineData("NGUYỄN", "quantri@test.vn")]
    [InlineData("xuly@", "xuly@test.vn")]
    public async Task List_Search_IgnoresCaseAndVietnameseMarks(string search, string expected)
    {
        var rows = await RunAsync(admin => admin.ListAsync(search));

        Assert.Equal([expected], rows.Select(r => r.UserName));
    }
}
