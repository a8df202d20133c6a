using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PublicService.Console.Hosting;
using PublicService.Console.Identity;
using PublicService.Domain.Staff;

namespace PublicService.Tests.Components.Pages.Administration;

/// <summary>
/// The administration pages over the demo catalog, with Identity and the account services registered as the app
/// registers them; the signed-in administrator is a real account so the rules about oneself apply.
/// </summary>
public abstract class AdministrationPagesTestBase : DemoCatalogPageTestBase
{
    protected const string Password = "KiemThu2026x";

    protected override void AddPageServices(IServiceCollection services)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:PublicService", Database.ConnectionString)]).Build();
        services.AddLogging();
        services.AddPublicServiceDomain(configuration);
        services.AddSingleton(Database.Factory);
        services.AddHttpContextAccessor();
        services.AddScoped<ClientAddress>();
    }

    protected StaffAccounts Accounts => Services.GetRequiredService<StaffAccounts>();

    /// <summary>Creates the administrator quantri@h48.demo and an officer of Sở Tư pháp, and signs the administrator in.</summary>
    protected async Task SeedStaffAsync()
    {
        var justice = Demo.Agencies.Single(a => a.Code == "000.00.15.H48").Id;
        var admin = await Accounts.CreateAsync("quantri@h48.demo", UserFullName, Password, [StaffRoles.Administrator], []);
        await Accounts.CreateAsync("xuly.tuphap@h48.demo", "Phạm Văn Dũng", Password, [StaffRoles.ProcessingOfficer], [justice]);
        Authorization.SetClaims(new Claim(StaffClaims.FullName, UserFullName), new Claim(ClaimTypes.NameIdentifier, admin.Id));
    }
}
