using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicService.Domain.Catalog;
using PublicService.Domain.Dossiers;

namespace PublicService.Domain.Persistence.Configurations.Dossiers;

public sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> builder)
    {
        builder.HasKey(d => d.Id);
        // The BoardCounters triggers are AFTER triggers, which SQLite's RETURNING clause does not support.
        builder.ToTable(t => t.UseSqlReturningClause(false));
        builder.Property(d => d.Code).HasMaxLength(Dossier.CodeMaxLength);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.CaseCode).HasMaxLength(Dossier.CaseCodeMaxLength);
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.AlertLevel).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.StepAlertLevel).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.LastChangedBy).HasMaxLength(DossierEvent.ActorMaxLength);
        builder.Property(d => d.RowVersion).IsConcurrencyToken();
        builder.Property(d => d.Terms)
            .HasConversion(JsonColumn.Converter<ProcessingTerms>(), JsonColumn.Comparer<ProcessingTerms>());

        builder.OwnsOne(d => d.Applicant, applicant =>
        {
            applicant.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            applicant.Property(a => a.Name).HasMaxLength(Applicant.NameMaxLength);
            applicant.Property(a => a.NameSearch).HasMaxLength(Applicant.NameMaxLength);
            applicant.Property(a => a.IdNumber).HasMaxLength(Applicant.IdNumberMaxLength);
            applicant.Property(a => a.Phone).HasMaxLength(Applicant.PhoneMaxLength);
            applicant.Property(a => a.Address).HasMaxLength(Applicant.AddressMaxLength);
            applicant.HasIndex(a => a.NameSearch);
            applicant.HasIndex(a => a.IdNumber);
        });
        builder.Navigation(d => d.Applicant).IsRequired();

        builder.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(d => d.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasOne<ProcedureVersion>().WithMany().HasForeignKey(d => d.ProcedureVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.ReceivingAgencyId).OnDelete(DeleteBehavior.Restrict);

        // The deadline scan seeks on this; finished and paused dossiers (null) stay out of the index.
        builder.HasIndex(d => d.NextAlertAtUtc).HasFilter("\"NextAlertAtUtc\" IS NOT NULL");
        builder.HasIndex(d => new { d.Status, d.DueAtUtc });
        builder.HasIndex(d => new { d.CurrentAgencyId, d.Status, d.DueAtUtc });
        builder.HasIndex(d => new { d.ProcedureId, d.ReceivedAtUtc });
        builder.HasIndex(d => d.ReceivedAtUtc);
        // A calendar change seeks the dossiers due on or after the changed days (DayOffDeadlines).
        builder.HasIndex(d => d.DueAtUtc);
        // Covers the board: its per-level counts read only this index, and the overdue list seeks its level in due order.
        builder.HasIndex(d => new { d.Status, d.AlertLevel, d.DueAtUtc, d.CurrentAgencyId, d.ReceivingAgencyId, d.ProcedureVersionId })
            .HasDatabaseName("IX_Dossiers_Board");
        // The board's step counts: only the few running steps above Normal are in it.
        builder.HasIndex(d => new { d.StepAlertLevel, d.Status }).HasFilter("\"StepAlertLevel\" <> 'Normal'");
    }
}

public sealed class DossierEventConfiguration : IEntityTypeConfiguration<DossierEvent>
{
    public void Configure(EntityTypeBuilder<DossierEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Actor).HasMaxLength(DossierEvent.ActorMaxLength);
        builder.Ignore(e => e.Data);
        builder.HasIndex(e => new { e.DossierId, e.Sequence }).IsUnique();
        builder.HasIndex(e => new { e.Type, e.AtUtc });
    }
}

public sealed class DossierCodeCounterConfiguration : IEntityTypeConfiguration<DossierCodeCounter>
{
    public void Configure(EntityTypeBuilder<DossierCodeCounter> builder)
    {
        builder.HasKey(c => new { c.AgencyId, c.Day });
    }
}
