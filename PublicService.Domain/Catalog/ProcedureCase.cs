using PublicService.Domain.Calendar;

namespace PublicService.Domain.Catalog;

// The types below are the nested content of a procedure version, stored as JSON. Their constructors only tidy
// input (trim, null to empty): the rules need the whole version (kind, case totals, row numbers for messages) and
// live in one place, ProcedureContent.Validate, through which every version content passes.

/// <summary>
/// A case of a procedure (trường hợp, e.g. "needs verification") with its own channels, time, fees, documents and,
/// for interconnected procedures, steps. A dossier is received under exactly one case.
/// </summary>
public sealed class ProcedureCase
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 300;

    /// <summary>The conventional code of the usual case.</summary>
    public const string DefaultCode = "default";

    private List<ChannelTerm> _channels = [];
    private List<RequiredDocument> _documents = [];
    private List<ProcedureStep> _steps = [];

    private ProcedureCase() { Code = ""; Name = ""; }

    /// <summary>
    /// Describes a case; <paramref name="code"/> is a short slug such as <c>default</c> or <c>xac-minh</c>.
    /// <paramref name="steps"/> are for interconnected procedures only and must add up to each channel's total.
    /// </summary>
    public ProcedureCase(
        string code,
        string name,
        IEnumerable<ChannelTerm> channels,
        IEnumerable<RequiredDocument>? documents = null,
        IEnumerable<ProcedureStep>? steps = null)
    {
        Code = (code ?? "").Trim().ToLowerInvariant();
        Name = (name ?? "").Trim();
        _channels = [.. channels ?? []];
        _documents = [.. documents ?? []];
        _steps = [.. (steps ?? []).OrderBy(s => s.Order)];
    }

    public string Code { get; private set; }
    public string Name { get; private set; }

    /// <summary>Cách thức thực hiện offered for this case, each with its time and fees.</summary>
    public IReadOnlyList<ChannelTerm> Channels => _channels;

    /// <summary>Thành phần hồ sơ.</summary>
    public IReadOnlyList<RequiredDocument> Documents => _documents;

    /// <summary>The ordered steps of an interconnected procedure; empty for one-stop procedures.</summary>
    public IReadOnlyList<ProcedureStep> Steps => _steps;

    /// <summary>The terms of <paramref name="channel"/>, or null when this case is not offered through it.</summary>
    public ChannelTerm? TermsOf(Channel channel) => _channels.FirstOrDefault(c => c.Channel == channel);
}

/// <summary>The processing time and fees of one channel of a case.</summary>
public sealed class ChannelTerm
{
    public const int TimeTextMaxLength = 1000;

    private List<Fee> _fees = [];

    private ChannelTerm() { Time = new ProcessingTime(0, TimeUnit.SameDay); TimeText = ""; }

    /// <summary>
    /// <paramref name="time"/> is the structured period the clock runs on; <paramref name="timeText"/> the published
    /// wording, kept verbatim because it carries nuances the structure cannot (e.g. "sau 15 giờ …").
    /// </summary>
    public ChannelTerm(Channel channel, ProcessingTime time, string timeText, IEnumerable<Fee>? fees = null)
    {
        Channel = channel;
        Time = time;
        TimeText = (timeText ?? "").Trim();
        _fees = [.. fees ?? []];
    }

    public Channel Channel { get; private set; }

    /// <summary>Thời hạn giải quyết, counted from receipt of a complete and valid dossier.</summary>
    public ProcessingTime Time { get; private set; }

    /// <summary>The published processing-time text, verbatim.</summary>
    public string TimeText { get; private set; }

    /// <summary>Phí, lệ phí: possibly several lines, possibly none.</summary>
    public IReadOnlyList<Fee> Fees => _fees;

    /// <summary>The sum of the fee lines, in VND.</summary>
    public long TotalFee => _fees.Sum(f => f.Amount);
}

/// <summary>A fee or charge line (phí, lệ phí) in VND; <see cref="Note"/> carries exemptions and reductions.</summary>
public sealed record Fee
{
    public const int NameMaxLength = 300;
    public const int NoteMaxLength = 1000;

    /// <summary>A fee line; <paramref name="amount"/> in VND (no subunit).</summary>
    public Fee(string name, long amount, string? note = null)
    {
        Name = (name ?? "").Trim();
        Amount = amount;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public string Name { get; private init; }

    /// <summary>Amount in VND.</summary>
    public long Amount { get; private init; }

    public string? Note { get; private init; }
}

/// <summary>A document of the dossier (thành phần hồ sơ): how many originals and copies, and whether required.</summary>
public sealed record RequiredDocument
{
    public const int NameMaxLength = 1000;
    public const int TemplateNameMaxLength = 300;

    /// <summary>A document; <paramref name="templateName"/> names the prescribed form (mẫu đơn, tờ khai), if any.</summary>
    public RequiredDocument(
        string name,
        string? templateName,
        int originals,
        int copies,
        DocumentRequirement requirement = DocumentRequirement.Required)
    {
        Name = (name ?? "").Trim();
        TemplateName = string.IsNullOrWhiteSpace(templateName) ? null : templateName.Trim();
        Originals = originals;
        Copies = copies;
        Requirement = requirement;
    }

    public string Name { get; private init; }
    public string? TemplateName { get; private init; }

    /// <summary>Số bản chính.</summary>
    public int Originals { get; private init; }

    /// <summary>Số bản sao.</summary>
    public int Copies { get; private init; }

    public DocumentRequirement Requirement { get; private init; }
}

/// <summary>
/// One step of an interconnected procedure: the agency that acts and its share of the case total, in the same unit.
/// A share may be 0 (e.g. "Trả kết quả").
/// </summary>
public sealed record ProcedureStep
{
    public const int NameMaxLength = 300;

    /// <summary>A step; <paramref name="order"/> counts from 1.</summary>
    public ProcedureStep(int order, string name, int agencyId, ProcessingTime share)
    {
        Order = order;
        Name = (name ?? "").Trim();
        AgencyId = agencyId;
        Share = share;
    }

    public int Order { get; private init; }
    public string Name { get; private init; }
    public int AgencyId { get; private init; }
    public ProcessingTime Share { get; private init; }
}

/// <summary>A legal basis (căn cứ pháp lý): document number, title, date and issuer.</summary>
public sealed record LegalBasis
{
    public const int NumberMaxLength = 100;
    public const int TitleMaxLength = 1000;
    public const int IssuerMaxLength = 300;

    /// <summary>A legal document, e.g. ("15/2025/NĐ-CP", "Nghị định quy định …", 2025-02-03, "Chính phủ").</summary>
    public LegalBasis(string number, string title, DateOnly? issuedOn, string? issuer)
    {
        Number = (number ?? "").Trim();
        Title = (title ?? "").Trim();
        IssuedOn = issuedOn;
        Issuer = (issuer ?? "").Trim();
    }

    public string Number { get; private init; }
    public string Title { get; private init; }
    public DateOnly? IssuedOn { get; private init; }
    public string Issuer { get; private init; }
}
