using PublicService.Domain.Dossiers;

namespace PublicService.Domain.Monitoring;

/// <summary>
/// How many dossiers share one (holding agency, receiving agency, field, status, alert level): the counts the
/// supervisor's board shows, kept exact by SQLite triggers on <c>Dossiers</c> (migration <c>BoardCounters</c>) in
/// the same transaction as every write, whoever makes it (workflow, scan, calendar recompute, rebuild, raw SQL).
/// A GROUP BY over the ~400 k running rows of a large centre costs hundreds of milliseconds; these few hundred
/// rows cost a millisecond. Code never writes them.
/// </summary>
public sealed class BoardCounter
{
    /// <summary>
    /// Counts every dossier into an empty table, as the migration's backfill did: for a bulk load made with the
    /// triggers dropped (the bench), or a repair.
    /// </summary>
    public const string RecountSql =
        """
        INSERT INTO "BoardCounters" ("AgencyId", "ReceivingAgencyId", "FieldId", "Status", "AlertLevel", "Count")
        SELECT coalesce(d."CurrentAgencyId", d."ReceivingAgencyId"), d."ReceivingAgencyId", v."FieldId", d."Status", d."AlertLevel", count(*)
        FROM "Dossiers" AS d JOIN "ProcedureVersions" AS v ON v."Id" = d."ProcedureVersionId"
        GROUP BY 1, 2, 3, 4, 5
        """;

    private BoardCounter() { }

    /// <summary>The agency holding the dossier: its current agency, or the receiving one at reception (step 0).</summary>
    public int AgencyId { get; private set; }

    /// <summary>Kept apart from <see cref="AgencyId"/> so a supervisor's scope (received by or held by their agency) applies.</summary>
    public int ReceivingAgencyId { get; private set; }

    /// <summary>The field of the dossier's procedure version (fixed: a published version is read-only).</summary>
    public int FieldId { get; private set; }

    public DossierStatus Status { get; private set; }
    public AlertLevel AlertLevel { get; private set; }

    /// <summary>Zero once every such dossier moved on; the row stays.</summary>
    public int Count { get; private set; }
}
