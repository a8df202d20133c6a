using PublicService.Domain.Calendar;
using PublicService.Domain.Monitoring;

namespace PublicService.Domain.Catalog;

/// <summary>One step of an interconnected procedure: the agency that acts and its share of the total time.</summary>
public sealed record ProcessingStepTerm(int Order, string Name, int AgencyId, ProcessingTime Share);

/// <summary>
/// What a dossier needs from its pinned procedure version to run its clock: the total period for its case and
/// channel, the ordered steps (one step for one-stop procedures), the supplement clock mode and any
/// per-procedure alert thresholds.
/// </summary>
public sealed record ProcessingTerms(
    ProcessingTime Total,
    IReadOnlyList<ProcessingStepTerm> Steps,
    SupplementClockMode SupplementMode,
    AlertThresholds? AlertOverride);
