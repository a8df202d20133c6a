using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicService.Domain.Catalog;

namespace PublicService.Domain.Persistence.Configurations.Catalog;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("Agencies");
        builder.Property(a => a.Code).HasMaxLength(Agency.CodeMaxLength);
        builder.Property(a => a.Name).HasMaxLength(Agency.NameMaxLength);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
