using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PublicService.Console.Identity;
using PublicService.Console.Live;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Settings;
using PublicService.Domain.Staff;
using PublicService.Tests.Support;

namespace PublicService.Tests.Components.Pages.Dossiers;

/// <summary>The dossier pages against a migrated SQLite file with the demo catalog, the real reception and workflow, on the test clock.</summary>
public abstract class DossierPagesTestBase : DemoCatalogPageTestBase
{
    protected override void AddPageServices(IServiceCollection services)
    {
        services.AddTransient<DossierReception>();
        services.AddTransient<DossierWorkflow>();
        services.AddSingleton(Broadcaster);
        services.AddSingleton(ChangeFeed);
    }

    /// <summary>Stores <paramref name="forms"/> as the centre's printed-form texts.</summary>
    protected async Task ConfigureFormsAsync(FormSettings forms)
    {
        await using var db = Database.Open();
        var settings = await db.CenterSettings.SingleOrDefaultAsync(s => s.Id == CenterSettings.SingletonId);
        if (settings is null)
        {
            settings = CenterSettings.CreateDefault();
            db.CenterSettings.Add(settings);
        }
        settings.ChangeForms(forms);
        await db.SaveChangesAsync();
    }

    /// <summary>The live feeds the queue and the dossier page subscribe to, as the app registers them (singletons).</summary>
    protected AlertBroadcaster Broadcaster { get; } = new(NullLogger<AlertBroadcaster>.Instance);
    protected DossierChangeFeed ChangeFeed { get; } = new(NullLogger<DossierChangeFeed>.Instance);

    protected DossierReception Reception => new(Database.Factory, Database.Calendars, Clock);
    protected DossierWorkflow Workflow => new(Database.Factory, Database.Calendars, Clock);

    protected int AgencyId(string code) => Demo.Agencies.Single(a => a.Code == code).Id;

    /// <summary>Receives a dossier for the first published one-stop procedure of the demo catalog.</summary>
    protected async Task<Dossier> ReceiveOneStopAsync(string applicantName = "Nguyễn Thị Hồng Nhung")
    {
        await using var db = Database.Open();
        var version = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Kind == ProcedureKind.OneStop && v.Status == VersionStatus.Published).OrderBy(v => v.Id).FirstAsync();
        var @case = version.Cases[0];
        return await Reception.ReceiveAsync(new ReceiveDossierCommand(version.ProcedureId, @case.Code, @case.Channels[0].Channel,
            version.ImplementingAgencyId, new Applicant(ApplicantKind.Person, applicantName, "001234567890", "0912345678", "5 Lê Lợi"),
            [.. @case.Documents.Select(d => d.Name)]), "tiepnhan@h48.demo");
    }

    /// <summary>Signs the test user in with one role and, for agency staff, their agencies.</summary>
    protected void SignInAs(string role, params int[] agencyIds)
    {
        Authorization.SetAuthorized("nguoi-dung@h48.demo");
        Authorization.SetRoles(role);
        Authorization.SetClaims([new Claim(StaffClaims.FullName, UserFullName), .. agencyIds.Select(id => new Claim(StaffClaims.Agency, id.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
    }

    protected void NavigateTo(string relativeUri) => Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUri);
}
