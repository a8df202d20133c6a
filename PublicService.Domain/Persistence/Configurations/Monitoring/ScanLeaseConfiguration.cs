using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicService.Domain.Monitoring;

namespace PublicService.Domain.Persistence.Configurations.Monitoring;

public sealed class ScanLeaseConfiguration : IEntityTypeConfiguration<ScanLease>
{
    public void Configure(EntityTypeBuilder<ScanLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(ScanLease.NameMaxLength);
        builder.Property(l => l.Holder).HasMaxLength(ScanLease.HolderMaxLength);
        // The row exists from the start, so taking the lease is one conditional UPDATE on every provider.
        builder.HasData(new ScanLease(DeadlineScanner.LeaseName));
    }
}
