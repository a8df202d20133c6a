using PublicService.Domain.Calendar;

namespace PublicService.Domain.Catalog;

/// <summary>
/// What the catalog editor types to start a procedure from nothing: enough for a valid version 1 draft with one case
/// (<see cref="ProcedureCase.DefaultCode"/>) offered through <see cref="Channels"/>, each with the same time. Documents,
/// fees, further cases and the step split are filled in the editor afterwards; an interconnected procedure starts
/// with one step at the implementing agency holding the whole time, for the editor to split.
/// </summary>
public sealed record NewProcedure
{
    public const string DefaultCaseName = "Trường hợp thông thường";

    public string Code { get; init; } = "";
    public string DecisionNumber { get; init; } = "";
    public string Name { get; init; } = "";
    public int FieldId { get; init; }
    public IReadOnlyList<int> LevelIds { get; init; } = [];
    public ProcedureKind Kind { get; init; } = ProcedureKind.OneStop;
    public int ImplementingAgencyId { get; init; }
    public string ResultName { get; init; } = "";
    public IReadOnlyList<Channel> Channels { get; init; } = [Channel.InPerson];
    public int TimeAmount { get; init; }
    public TimeUnit TimeUnit { get; init; } = TimeUnit.WorkingDays;

    /// <summary>The published wording of the time; empty gives the structured time in words ("3 ngày làm việc").</summary>
    public string TimeText { get; init; } = "";

    /// <summary>The structured time; "within the day" carries no amount.</summary>
    public ProcessingTime Time => new(TimeUnit == TimeUnit.SameDay ? 0 : TimeAmount, TimeUnit);

    /// <summary>
    /// The first version's content. Throws <see cref="DomainException"/> from <see cref="ProcedureContent.Validate"/>
    /// (or the code's own check) with the field named as this record names it, so a form can show it beside its input.
    /// </summary>
    public (ProcedureCode Code, ProcedureContent Content) Validate()
    {
        var code = ProcedureCode.Parse(Code);
        var text = string.IsNullOrWhiteSpace(TimeText) ? CatalogText.Describe(Time) : TimeText;
        var steps = Kind == ProcedureKind.Interconnected
            ? [new ProcedureStep(1, ProcedureVersion.OneStopStepName, ImplementingAgencyId, Time)]
            : Array.Empty<ProcedureStep>();
        var content = new ProcedureContent
        {
            DecisionNumber = DecisionNumber,
            Name = Name,
            FieldId = FieldId,
            LevelIds = LevelIds,
            Kind = Kind,
            ImplementingAgencyId = ImplementingAgencyId,
            ResultName = ResultName,
            Cases = [new ProcedureCase(
                ProcedureCase.DefaultCode, DefaultCaseName, (Channels ?? []).Distinct().Select(c => new ChannelTerm(c, Time, text)), steps: steps)],
        };

        try
        {
            return (code, content.Validate());
        }
        catch (DomainException e) when (e.Error.Field is { } field && FieldOf(field) is { } own && own != field)
        {
            throw new DomainException(e.Error.Code, e.Error.Message, own);
        }
    }

    /// <summary>The field of this record behind a content field path: the one case's channels and times are ours.</summary>
    private static string? FieldOf(string contentField) => contentField switch
    {
        _ when contentField.EndsWith(".TimeText", StringComparison.Ordinal) => nameof(TimeText),
        _ when contentField.EndsWith(".Time", StringComparison.Ordinal) || contentField.Contains(".Steps", StringComparison.Ordinal) => nameof(Time),
        _ when contentField.StartsWith("Cases", StringComparison.Ordinal) => nameof(Channels),
        _ => contentField,
    };
}
