using System.Text.Json;
using PublicService.Domain.Catalog;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;

namespace PublicService.Domain.Dossiers;

public enum DossierEventType
{
    Received = 1,
    ProcessingStarted = 2,
    TransferredToNextStep = 3,
    SupplementRequested = 4,
    SupplementReceived = 5,
    PaymentAwaited = 6,
    PaymentConfirmed = 7,
    ResultRecorded = 8,
    ResultReturned = 9,
    Stopped = 10,
    Withdrawn = 11,
    ApologyIssued = 12,
    Cancelled = 13,
    AlertChanged = 14,
}

/// <summary>
/// What an event says beyond its type, actor and instant. One flat record, serialized as JSON with nulls left out,
/// because each event type uses a few of these fields and the history must stay readable in the database.
/// </summary>
public sealed record DossierEventData
{
    public string? Note { get; init; }
    public string? Reason { get; init; }
    public ProcessingTerms? Terms { get; init; }
    public int? FromStep { get; init; }
    public int? ToStep { get; init; }
    public int? ToAgencyId { get; init; }
    public SupplementClockMode? ClockMode { get; init; }
    public DateOnly? SupplementDeadline { get; init; }
    public DateTime? NewAppointmentUtc { get; init; }
    public bool? ApologyInTime { get; init; }
    public AlertLevel? FromLevel { get; init; }
    public AlertLevel? ToLevel { get; init; }
    /// <summary>On <c>AlertChanged</c>: true when the levels are the current step's (<see cref="Dossier.StepAlertLevel"/>), absent for the dossier's own.</summary>
    public bool? Step { get; init; }
    public IReadOnlyList<string>? Documents { get; init; }

    // The same JSON conventions as every other JSON column: nulls left out, enums by name.
    public string ToJson() => JsonSerializer.Serialize(this, JsonColumn.Options);

    public static DossierEventData FromJson(string json) =>
        JsonSerializer.Deserialize<DossierEventData>(json, JsonColumn.Options) ?? new DossierEventData();
}

/// <summary>One appended fact of a dossier's history. Never updated or deleted.</summary>
public sealed class DossierEvent
{
    public const int ActorMaxLength = 100;

    private DossierEvent() { Actor = ""; DataJson = "{}"; }

    internal DossierEvent(int sequence, DossierEventType type, string actor, DateTime atUtc, DossierEventData data)
    {
        Sequence = sequence;
        Type = type;
        Actor = actor;
        AtUtc = atUtc;
        DataJson = data.ToJson();
    }

    public long Id { get; private set; }
    public long DossierId { get; private set; }
    /// <summary>1, 2, 3… per dossier; unique with <see cref="DossierId"/>, so a replayed write cannot duplicate an event.</summary>
    public int Sequence { get; private set; }
    public DossierEventType Type { get; private set; }
    public string Actor { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string DataJson { get; private set; }

    public DossierEventData Data => DossierEventData.FromJson(DataJson);
}
