using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicService.Domain.Calendar;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Settings;

namespace PublicService.Domain.Persistence.Configurations.Settings;

public sealed class CenterSettingsConfiguration : IEntityTypeConfiguration<CenterSettings>
{
    public void Configure(EntityTypeBuilder<CenterSettings> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.RowVersion).IsConcurrencyToken();
        builder.Property(s => s.Calendar)
            .HasConversion(JsonColumn.Converter<WorkingCalendarSettings>(), JsonColumn.Comparer<WorkingCalendarSettings>());
        builder.Property(s => s.Alerts)
            .HasConversion(JsonColumn.Converter<AlertThresholds>(), JsonColumn.Comparer<AlertThresholds>());
        builder.Ignore(s => s.Forms);
        // Nullable: a null column prints the built-in defaults, so the migration need not copy them into the row.
        builder.Property<FormSettings>("StoredForms").HasColumnName("Forms").IsRequired(false)
            .HasConversion(JsonColumn.Converter<FormSettings>(), JsonColumn.Comparer<FormSettings>());
    }
}
