using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicService.Domain.Audit;

namespace PublicService.Domain.Persistence.Configurations.Audit;

/// <summary>
/// The <c>AuditLog</c> table. Its append-only triggers are created by the <c>AuditLog</c> migration
/// (raw SQL: EF has no model for triggers).
/// </summary>
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // Declared so EF knows the table has triggers (it then avoids the RETURNING clause SQLite forbids with them).
        builder.ToTable("AuditLog", table =>
        {
            table.HasTrigger("AuditLog_NoUpdate");
            table.HasTrigger("AuditLog_NoDelete");
        });
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        builder.Property(e => e.Actor).HasMaxLength(AuditEntry.ActorMaxLength);
        builder.Property(e => e.Subject).HasMaxLength(AuditEntry.SubjectMaxLength);
        builder.Property(e => e.Detail).HasMaxLength(AuditEntry.DetailMaxLength);
        builder.Property(e => e.Address).HasMaxLength(AuditEntry.AddressMaxLength);
        builder.HasIndex(e => e.AtUtc);
        builder.HasIndex(e => new { e.Actor, e.AtUtc });
    }
}
