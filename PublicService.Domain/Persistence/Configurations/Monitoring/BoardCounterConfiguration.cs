using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicService.Domain.Monitoring;

namespace PublicService.Domain.Persistence.Configurations.Monitoring;

public sealed class BoardCounterConfiguration : IEntityTypeConfiguration<BoardCounter>
{
    public void Configure(EntityTypeBuilder<BoardCounter> builder)
    {
        // The triggers upsert on exactly this key (ON CONFLICT needs it unique).
        builder.HasKey(c => new { c.AgencyId, c.ReceivingAgencyId, c.FieldId, c.Status, c.AlertLevel });
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.AlertLevel).HasConversion<string>().HasMaxLength(20);
    }
}
