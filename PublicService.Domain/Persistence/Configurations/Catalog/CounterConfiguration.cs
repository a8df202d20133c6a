using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicService.Domain.Catalog;

namespace PublicService.Domain.Persistence.Configurations.Catalog;

internal sealed class CounterConfiguration : IEntityTypeConfiguration<Counter>
{
    public void Configure(EntityTypeBuilder<Counter> builder)
    {
        builder.ToTable("Counters");
        builder.Property(c => c.Code).HasMaxLength(Counter.CodeMaxLength);
        builder.Property(c => c.Name).HasMaxLength(Counter.NameMaxLength);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Ignore(c => c.AgencyIds);

        // A link table rather than a JSON list: "which counter receives for this agency" is a lookup the
        // reception screen makes on every dossier, and the foreign key keeps the link honest.
        builder.OwnsMany<CounterAgency>("_agencies", link =>
        {
            link.ToTable("CounterAgencies");
            link.WithOwner().HasForeignKey("CounterId");
            link.HasKey("CounterId", nameof(CounterAgency.AgencyId));
            link.HasOne<Agency>().WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Restrict);
            link.HasIndex(l => l.AgencyId);
        });
    }
}
