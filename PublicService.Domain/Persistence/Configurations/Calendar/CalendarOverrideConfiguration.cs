using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicService.Domain.Calendar;

namespace PublicService.Domain.Persistence.Configurations.Calendar;

public sealed class CalendarOverrideConfiguration : IEntityTypeConfiguration<CalendarOverride>
{
    public void Configure(EntityTypeBuilder<CalendarOverride> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Reason).HasMaxLength(CalendarOverride.ReasonMaxLength);
        builder.Property(o => o.DecreeNumber).HasMaxLength(CalendarOverride.DecreeMaxLength);
        // One decision per day: a day is either made off or made working, never both.
        builder.HasIndex(o => o.Date).IsUnique();
    }
}
