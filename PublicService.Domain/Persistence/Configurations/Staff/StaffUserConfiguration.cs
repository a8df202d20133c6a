using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicService.Domain.Catalog;
using PublicService.Domain.Staff;

namespace PublicService.Domain.Persistence.Configurations.Staff;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(StaffUser.FullNameMaxLength);
        builder.Ignore(u => u.AgencyIds);

        // A link table with a foreign key rather than a list column: "who works for this agency" is asked when
        // assigning dossiers, and an agency cannot be deleted while staff are scoped to it.
        builder.OwnsMany<StaffAgency>("_agencies", link =>
        {
            link.ToTable("StaffAgencies");
            link.WithOwner().HasForeignKey("UserId");
            link.HasKey("UserId", nameof(StaffAgency.AgencyId));
            link.HasOne<Agency>().WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Restrict);
            link.HasIndex(l => l.AgencyId);
        });
        builder.Navigation("_agencies").AutoInclude();
    }
}
