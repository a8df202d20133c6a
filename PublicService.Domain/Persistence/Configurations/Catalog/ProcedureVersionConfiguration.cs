using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicService.Domain.Catalog;

namespace PublicService.Domain.Persistence.Configurations.Catalog;

/// <summary>
/// Maps a version: the fields lists filter on are columns (with foreign keys where they reference rows), the nested
/// content (cases with channels, fees, documents and steps; legal bases; level and cooperating agency ids) is JSON
/// through EF Core complex types, read and written whole with the version.
/// </summary>
internal sealed class ProcedureVersionConfiguration : IEntityTypeConfiguration<ProcedureVersion>
{
    private const int EnumMaxLength = 20;

    public void Configure(EntityTypeBuilder<ProcedureVersion> builder)
    {
        builder.ToTable("ProcedureVersions");
        builder.HasIndex(v => new { v.ProcedureId, v.Number }).IsUnique();

        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(v => v.SupplementMode).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(v => v.DefaultTimeUnit).HasConversion<string>().HasMaxLength(EnumMaxLength);

        builder.Property(v => v.DecisionNumber).HasMaxLength(ProcedureContent.DecisionNumberMaxLength);
        builder.Property(v => v.Name).HasMaxLength(ProcedureContent.NameMaxLength);
        builder.Property(v => v.ProcedureType).HasMaxLength(ProcedureContent.ProcedureTypeMaxLength);
        builder.Property(v => v.DecidingAgency).HasMaxLength(ProcedureContent.DecidingAgencyMaxLength);
        builder.Property(v => v.ReceivingPlace).HasMaxLength(ProcedureContent.ReceivingPlaceMaxLength);
        builder.Property(v => v.ResultName).HasMaxLength(ProcedureContent.ResultNameMaxLength);
        builder.Property(v => v.Conditions).HasMaxLength(ProcedureContent.ConditionsMaxLength);
        builder.Property(v => v.NameSearch).HasMaxLength(ProcedureVersion.NameSearchMaxLength);
        builder.Property(v => v.RetirementReason).HasMaxLength(ProcedureVersion.RetirementReasonMaxLength);

        builder.HasIndex(v => v.NameSearch);
        builder.HasIndex(v => new { v.DefaultTimeUnit, v.DefaultTimeAmount });
        builder.HasIndex(v => v.Status);

        builder.HasOne<Field>().WithMany().HasForeignKey(v => v.FieldId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(v => v.ImplementingAgencyId).OnDelete(DeleteBehavior.Restrict);

        builder.Ignore(v => v.DefaultCase);
        builder.Ignore(v => v.IsReadOnly);

        // EF Core 10 complex collections must be IList<T>, so they map the private List fields behind the
        // read-only properties; the JSON names follow the public properties.
        builder.Ignore(v => v.LevelIds);
        builder.PrimitiveCollection<List<int>>("_levelIds").HasColumnName("LevelIds");
        builder.Ignore(v => v.CooperatingAgencyIds);
        builder.PrimitiveCollection<List<int>>("_cooperatingAgencyIds").HasColumnName("CooperatingAgencyIds");

        builder.ComplexProperty(v => v.AlertOverride, alert => alert.ToJson("AlertOverride"));

        builder.Ignore(v => v.LegalBases);
        builder.ComplexCollection<List<LegalBasis>, LegalBasis>("_legalBases", legal => legal.ToJson("LegalBases"));

        builder.Ignore(v => v.Cases);
        builder.ComplexCollection<List<ProcedureCase>, ProcedureCase>("_cases", cases =>
        {
            cases.ToJson("Cases");
            cases.Ignore(c => c.Channels);
            cases.Ignore(c => c.Documents);
            cases.Ignore(c => c.Steps);

            cases.ComplexCollection<List<ChannelTerm>, ChannelTerm>("_channels", channels =>
            {
                channels.HasJsonPropertyName(nameof(ProcedureCase.Channels));
                channels.Property(c => c.Channel).HasConversion<string>();
                channels.Property(c => c.Time).HasConversion(ProcessingTimeConverter.Instance);
                channels.Ignore(c => c.TotalFee);
                channels.Ignore(c => c.Fees);
                channels.ComplexCollection<List<Fee>, Fee>("_fees", fees => fees.HasJsonPropertyName(nameof(ChannelTerm.Fees)));
            });

            cases.ComplexCollection<List<RequiredDocument>, RequiredDocument>("_documents", documents =>
            {
                documents.HasJsonPropertyName(nameof(ProcedureCase.Documents));
                documents.Property(d => d.Requirement).HasConversion<string>();
            });

            cases.ComplexCollection<List<ProcedureStep>, ProcedureStep>("_steps", steps =>
            {
                steps.HasJsonPropertyName(nameof(ProcedureCase.Steps));
                steps.Property(s => s.Share).HasConversion(ProcessingTimeConverter.Instance);
            });
        });
    }
}
