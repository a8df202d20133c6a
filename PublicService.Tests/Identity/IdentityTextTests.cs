using PublicService.Console.Resources;
using PublicService.Domain.Staff;
using PublicService.Tests.Support;

namespace PublicService.Tests.Identity;

public sealed class IdentityTextTests
{
    [Fact]
    public void Roles_HaveAVietnameseName()
    {
        var vietnamese = ResourceKeys.Of(typeof(IdentityText), "");

        Assert.All(StaffRoles.All, role => Assert.Contains("Role_" + role, vietnamese));
    }
}
