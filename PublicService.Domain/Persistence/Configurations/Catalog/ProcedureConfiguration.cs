using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicService.Domain.Catalog;

namespace PublicService.Domain.Persistence.Configurations.Catalog;

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> builder)
    {
        builder.ToTable("Procedures");
        builder.Property(p => p.Code).HasMaxLength(Procedure.CodeMaxLength);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.RowVersion).IsConcurrencyToken();
        builder.Ignore(p => p.Draft);
        builder.Ignore(p => p.LatestPublished);

        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProcedureId).OnDelete(DeleteBehavior.Cascade);

        // The versions are part of the aggregate (drafting and publishing read them all), and a procedure has few.
        builder.Navigation(p => p.Versions).AutoInclude();
    }
}
