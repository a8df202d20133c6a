using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicService.Domain.Catalog;

namespace PublicService.Domain.Persistence.Configurations.Catalog;

internal sealed class LevelConfiguration : IEntityTypeConfiguration<Level>
{
    public void Configure(EntityTypeBuilder<Level> builder)
    {
        builder.ToTable("Levels");
        builder.Property(l => l.Code).HasMaxLength(Level.CodeMaxLength);
        builder.Property(l => l.Name).HasMaxLength(Level.NameMaxLength);
        builder.HasIndex(l => l.Code).IsUnique();
    }
}
