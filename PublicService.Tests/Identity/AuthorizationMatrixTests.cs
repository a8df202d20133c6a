using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PublicService.Console.Identity;
using PublicService.Domain.Staff;

namespace PublicService.Tests.Identity;

/// <summary>
/// Every routable component of the console declares who may open it, and what it declares matches this matrix.
/// A new page fails here until its row is added: decide who may see it, then write it down below.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private const string Anonymous = "(anonymous)";
    private static readonly string[] AllStaff = [.. StaffRoles.All];

    /// <summary>Route → the roles allowed in; <see cref="Anonymous"/> means anyone, signed in or not.</summary>
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/"] = AllStaff,
        ["/lich-lam-viec"] = AllStaff,
        ["/tinh-han"] = AllStaff,
        ["/tai-khoan/doi-mat-khau"] = AllStaff,
        ["/khong-co-quyen"] = AllStaff,
        ["/giam-sat"] = [StaffRoles.Administrator, StaffRoles.Supervisor],
        ["/bao-cao"] = [StaffRoles.Administrator, StaffRoles.Supervisor],
        ["/bao-cao/in"] = [StaffRoles.Administrator, StaffRoles.Supervisor],
        ["/thu-tuc"] = [StaffRoles.Administrator, StaffRoles.CatalogEditor],
        ["/thu-tuc/{Id:int}"] = [StaffRoles.Administrator, StaffRoles.CatalogEditor],
        ["/thu-tuc/nhap-xuat"] = [StaffRoles.Administrator, StaffRoles.CatalogEditor],
        ["/danh-muc"] = [StaffRoles.Administrator],
        ["/tiep-nhan"] = [StaffRoles.Administrator, StaffRoles.ReceptionOfficer],
        // Everyone on staff may open a dossier of their agencies; what they may do on it depends on the role.
        ["/ho-so"] = AllStaff,
        ["/ho-so/{Id:long}"] = AllStaff,
        ["/ho-so/{Id:long}/bien-nhan"] = AllStaff,
        ["/ho-so/{Id:long}/phieu-bo-sung"] = AllStaff,
        ["/ho-so/{Id:long}/phieu-xin-loi"] = AllStaff,
        ["/ho-so/{Id:long}/phieu-kiem-soat"] = AllStaff,
        ["/so-theo-doi"] = AllStaff,
        ["/hang-doi"] = AllStaff,
        // The receipt's QR code: the applicant looks the status up without an account.
        ["/tra-cuu/{Code}"] = [Anonymous],
        ["/lich-lam-viec/quan-ly"] = [StaffRoles.Administrator],
        ["/cai-dat/canh-bao"] = [StaffRoles.Administrator],
        ["/quan-tri/nguoi-dung"] = [StaffRoles.Administrator],
        ["/quan-tri/nhat-ky"] = [StaffRoles.Administrator],
        ["/cai-dat/bieu-mau"] = [StaffRoles.Administrator],
        ["/dang-nhap"] = [Anonymous],
        ["/Error"] = [Anonymous],
        ["/not-found"] = [Anonymous],
    };

    private static IEnumerable<(Type Page, string Route)> Pages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (t, r.Template)));

    public static TheoryData<string> Routes()
    {
        var data = new TheoryData<string>();
        foreach (var route in Pages().Select(p => p.Route).Distinct()) data.Add(route);
        return data;
    }

    [Fact]
    public void Pages_AreFoundByReflection()
    {
        Assert.Contains(Pages(), p => p.Route == "/");
        Assert.Contains(Pages(), p => p.Route == "/dang-nhap");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Page_DeclaresExactlyOnePolicyOrAnonymous(string route)
    {
        foreach (var (page, _) in Pages().Where(p => p.Route == route))
        {
            var authorize = page.GetCustomAttributes<AuthorizeAttribute>().ToList();
            var anonymous = page.GetCustomAttributes<AllowAnonymousAttribute>().Any();
            Assert.True(anonymous ^ (authorize.Count == 1),
                $"{page.Name} ({route}) must carry exactly one [Authorize(Policy = StaffPolicies.X)] or [AllowAnonymous].");
            if (authorize.Count == 1)
            {
                Assert.True(authorize[0].Policy is { } policy && StaffPolicies.Roles.ContainsKey(policy),
                    $"{page.Name} ({route}) must name one of the StaffPolicies, not roles or an unknown policy.");
                Assert.Null(authorize[0].Roles);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Page_AdmitsExactlyTheRolesOfTheMatrix(string route)
    {
        Assert.True(Expected.TryGetValue(route, out var allowed),
            $"{route} is not in the authorization matrix of {nameof(AuthorizationMatrixTests)}; add the roles that may open it.");
        var services = new ServiceCollection().AddLogging().AddAuthorization(StaffPolicies.Add).BuildServiceProvider();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();

        foreach (var (page, _) in Pages().Where(p => p.Route == route))
        {
            var anonymousPage = page.GetCustomAttributes<AllowAnonymousAttribute>().Any();
            var policy = await AuthorizationPolicy.CombineAsync(policies, page.GetCustomAttributes<AuthorizeAttribute>());
            async Task<bool> Admits(ClaimsPrincipal user) =>
                anonymousPage || (policy is not null && (await authorization.AuthorizeAsync(user, policy)).Succeeded);

            Assert.Equal(allowed.Contains(Anonymous), await Admits(new ClaimsPrincipal(new ClaimsIdentity())));
            foreach (var role in StaffRoles.All)
            {
                var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "u"), new Claim(ClaimTypes.Role, role)], "Test"));
                var expected = allowed.Contains(Anonymous) || allowed.Contains(role);
                Assert.True(expected == await Admits(user),
                    $"{route}: {role} should be {(expected ? "allowed" : "refused")} but the page's policy says otherwise.");
            }
        }
    }

    [Fact]
    public async Task SignedInWithoutAnyRole_IsRefusedEveryStaffPolicy()
    {
        var services = new ServiceCollection().AddLogging().AddAuthorization(StaffPolicies.Add).BuildServiceProvider();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "u")], "Test"));

        foreach (var policy in StaffPolicies.Roles.Keys)
            Assert.False((await authorization.AuthorizeAsync(user, policy)).Succeeded, policy);
    }
}
