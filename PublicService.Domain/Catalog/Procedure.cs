namespace PublicService.Domain.Catalog;

/// <summary>An administrative procedure (thủ tục hành chính): a stable code and its versions.</summary>
public sealed class Procedure
{
    public const int CodeMaxLength = 60;

    private readonly List<ProcedureVersion> _versions = [];

    private Procedure() { Code = ""; }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public IReadOnlyList<ProcedureVersion> Versions => _versions;

    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public int RowVersion { get; private set; }
}

/// <summary>One version of a procedure, as published by a decision. Published and retired versions are read-only.</summary>
public sealed class ProcedureVersion
{
    private ProcedureVersion() { Name = ""; }

    public int Id { get; private set; }
    public int ProcedureId { get; private set; }
    public int Number { get; private set; }
    public VersionStatus Status { get; private set; }
    public DateOnly? EffectiveFrom { get; private set; }
    public string Name { get; private set; }
    public ProcedureKind Kind { get; private set; }
    public int ImplementingAgencyId { get; private set; }

    /// <summary>The clock terms for a dossier received under <paramref name="caseCode"/> through <paramref name="channel"/>.</summary>
    public ProcessingTerms TermsFor(string caseCode, Channel channel) => throw new NotImplementedException();
}
