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
    }
}
