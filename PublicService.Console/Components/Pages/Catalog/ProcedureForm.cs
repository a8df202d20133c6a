using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Monitoring;

namespace PublicService.Console.Components.Pages.Catalog;

/// <summary>
/// The editor's mutable copy of a version's content. It only holds input: <see cref="ToContent"/> rebuilds a
/// <see cref="ProcedureContent"/> from it and the domain's <see cref="ProcedureContent.Validate"/> judges it on save.
/// What the editor does not edit (field, levels, agencies, kind, legal bases, …) passes through unchanged.
/// </summary>
public sealed class ProcedureForm
{
    private readonly ProcedureContent _original;

    /// <param name="content">The version's content.</param>
    /// <param name="centreAlerts">The centre's thresholds, offered as the starting values of the procedure's own.</param>
    /// <param name="minutesPerDay">Working minutes in a day, to show thresholds as days and hours.</param>
    public ProcedureForm(ProcedureContent content, AlertThresholds? centreAlerts = null, int minutesPerDay = 480)
    {
        _original = content;
        DecisionNumber = content.DecisionNumber;
        Name = content.Name;
        ResultName = content.ResultName;
        SupplementMode = content.SupplementMode;
        Alert = new AlertForm(content.AlertOverride, centreAlerts ?? AlertThresholds.Default, minutesPerDay);
        Cases = [.. content.Cases.Select(c => new CaseForm(c))];
    }

    public ProcedureKind Kind => _original.Kind;
    public string DecisionNumber { get; set; }
    public string Name { get; set; }
    public string ResultName { get; set; }
    public SupplementClockMode SupplementMode { get; set; }

    /// <summary>The procedure's own approaching-deadline thresholds, or the centre's.</summary>
    public AlertForm Alert { get; }
    public List<CaseForm> Cases { get; }

    /// <summary>The content the form describes; steps are renumbered from 1 in the order shown.</summary>
    public ProcedureContent ToContent() => _original with
    {
        DecisionNumber = DecisionNumber,
        Name = Name,
        ResultName = ResultName,
        SupplementMode = SupplementMode,
        AlertOverride = Alert.ToThresholds(),
        Cases = [.. Cases.Select(c => c.ToCase())],
    };
}

/// <summary>
/// A procedure's own thresholds as the centre's page asks for them: remaining working time in days and hours and/or
/// a share of the time used, each switched on or off. <see cref="ToThresholds"/> gives null while the procedure
/// follows the centre; the domain judges the values (<see cref="AlertThresholds.Validated"/>) on save.
/// </summary>
public sealed class AlertForm
{
    private readonly int _loadedDays;
    private readonly int _loadedHours;
    private readonly int? _loadedMinutes;

    public AlertForm(AlertThresholds? own, AlertThresholds centre, int minutesPerDay)
    {
        MinutesPerDay = Math.Max(minutesPerDay, 60);
        Own = own is not null;
        // Switching to own values starts from the centre's, so the editor changes only what differs.
        var start = own ?? centre;
        UseRemaining = start.RemainingWorkingMinutes is not null;
        var minutes = start.RemainingWorkingMinutes ?? MinutesPerDay;
        Days = _loadedDays = minutes / MinutesPerDay;
        Hours = _loadedHours = minutes % MinutesPerDay / 60;
        _loadedMinutes = start.RemainingWorkingMinutes;
        UsePercent = start.UsedPercent is not null;
        Percent = start.UsedPercent ?? 75;
    }

    public int MinutesPerDay { get; }

    /// <summary>Whether the procedure has its own thresholds instead of the centre's.</summary>
    public bool Own { get; set; }

    public bool UseRemaining { get; set; }
    public int Days { get; set; }
    public int Hours { get; set; }
    public bool UsePercent { get; set; }
    public int Percent { get; set; }

    /// <summary>
    /// The thresholds typed, null when following the centre. A stored value that is not whole hours (an imported
    /// file may hold 90 minutes) is kept as it was while its days and hours are left untouched.
    /// </summary>
    public AlertThresholds? ToThresholds() => Own
        ? new AlertThresholds(
            UseRemaining ? (Days == _loadedDays && Hours == _loadedHours && _loadedMinutes is { } loaded ? loaded : Days * MinutesPerDay + Hours * 60) : null,
            UsePercent ? Percent : null)
        : null;
}

/// <summary>One case of the form.</summary>
public sealed class CaseForm
{
    public CaseForm(ProcedureCase source)
    {
        Code = source.Code;
        Name = source.Name;
        Channels = [.. source.Channels.Select(c => new ChannelForm(c))];
        Documents = [.. source.Documents.Select(d => new DocumentForm(d))];
        Steps = [.. source.Steps.Select(s => new StepForm(s))];
    }

    public string Code { get; }
    public string Name { get; }
    public List<ChannelForm> Channels { get; }
    public List<DocumentForm> Documents { get; }
    public List<StepForm> Steps { get; }

    /// <summary>The unit step shares are counted in: that of the case's first channel (the domain requires one unit).</summary>
    public TimeUnit StepUnit => Channels.Count > 0 ? Channels[0].Unit : TimeUnit.WorkingDays;

    /// <summary>The sum of the step shares.</summary>
    public int StepTotal => Steps.Sum(s => s.Share);

    /// <summary>
    /// How the step shares compare with each channel's total, for the live check beside the steps (the same rule
    /// <see cref="ProcedureContent.Validate"/> applies on save). Empty when the case has no steps.
    /// </summary>
    public IReadOnlyList<ShareCheck> CheckShares() => Steps.Count == 0
        ? []
        : [.. Channels.Select(c => new ShareCheck(c.Channel, new ProcessingTime(StepTotal, StepUnit), c.Time))];

    public void MoveStep(int index, int by)
    {
        var target = index + by;
        if (target < 0 || target >= Steps.Count) return;
        (Steps[index], Steps[target]) = (Steps[target], Steps[index]);
    }

    public ProcedureCase ToCase() => new(
        Code,
        Name,
        Channels.Select(c => c.ToTerm()),
        Documents.Select(d => d.ToDocument()),
        Steps.Select((s, i) => s.ToStep(i + 1, StepUnit)));
}

/// <summary>The step shares against one channel's total.</summary>
public sealed record ShareCheck(Channel Channel, ProcessingTime Sum, ProcessingTime Total)
{
    public bool Matches => Sum.Unit == Total.Unit && Sum.Amount == Total.Amount;

    /// <summary>Positive when the steps fall short of the total, negative when they exceed it.</summary>
    public int Missing => Total.Amount - Sum.Amount;
}

/// <summary>One channel of a case: its time, the published wording, its fees.</summary>
public sealed class ChannelForm
{
    public ChannelForm(ChannelTerm source)
    {
        Channel = source.Channel;
        Amount = source.Time.Amount;
        Unit = source.Time.Unit;
        TimeText = source.TimeText;
        Fees = [.. source.Fees.Select(f => new FeeForm { Name = f.Name, Amount = f.Amount, Note = f.Note })];
    }

    public Channel Channel { get; }
    public int Amount { get; set; }
    public TimeUnit Unit { get; set; }
    public string TimeText { get; set; }
    public List<FeeForm> Fees { get; }

    /// <summary>The structured time; "within the day" carries no amount whatever was typed before choosing it.</summary>
    public ProcessingTime Time => new(Unit == TimeUnit.SameDay ? 0 : Math.Max(Amount, 0), Unit);

    public long TotalFee => Fees.Sum(f => f.Amount);

    public ChannelTerm ToTerm() => new(Channel, Time, TimeText, Fees.Select(f => new Fee(f.Name, f.Amount, f.Note)));
}

public sealed class FeeForm
{
    public string Name { get; set; } = "";
    public long Amount { get; set; }
    public string? Note { get; set; }
}

public sealed class DocumentForm
{
    public DocumentForm() { }

    public DocumentForm(RequiredDocument source)
    {
        Name = source.Name;
        TemplateName = source.TemplateName;
        Originals = source.Originals;
        Copies = source.Copies;
        Requirement = source.Requirement;
    }

    public string Name { get; set; } = "";
    public string? TemplateName { get; set; }
    public int Originals { get; set; } = 1;
    public int Copies { get; set; }
    public DocumentRequirement Requirement { get; set; } = DocumentRequirement.Required;

    public RequiredDocument ToDocument() => new(Name, TemplateName, Originals, Copies, Requirement);
}

public sealed class StepForm
{
    public StepForm() { }

    public StepForm(ProcedureStep source)
    {
        Name = source.Name;
        AgencyId = source.AgencyId;
        Share = source.Share.Amount;
    }

    public string Name { get; set; } = "";
    public int AgencyId { get; set; }
    public int Share { get; set; }

    public ProcedureStep ToStep(int order, TimeUnit unit) => new(order, Name, AgencyId, new ProcessingTime(Math.Max(Share, 0), unit));
}
