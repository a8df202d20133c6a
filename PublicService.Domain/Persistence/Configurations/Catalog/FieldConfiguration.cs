using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicService.Domain.Catalog;

namespace PublicService.Domain.Persistence.Configurations.Catalog;

internal sealed class FieldConfiguration : IEntityTypeConfiguration<Field>
{
    public void Configure(EntityTypeBuilder<Field> builder)
    {
        builder.ToTable("Fields");
        builder.Property(f => f.Code).HasMaxLength(Field.CodeMaxLength);
        builder.Property(f => f.Name).HasMaxLength(Field.NameMaxLength);
        builder.HasIndex(f => f.Code).IsUnique();
    }
}
