using PublicService.Domain.Calendar;
using PublicService.Domain.Monitoring;

namespace PublicService.Domain.Catalog;

/// <summary>
/// An administrative procedure (thủ tục hành chính): a stable code and its versions. A version is edited while it is
/// a draft, then published with the date it takes effect; published and retired versions are read-only, so a dossier
/// pinned to a version always reads the rules it was received under. At most one draft exists at a time.
/// </summary>
/// <example>
/// <code>
/// var procedure = Procedure.Create("1.001193", content);   // version 1, draft
/// procedure.Publish(new DateOnly(2025, 7, 1));
/// procedure.CreateDraftFromLatest();                          // version 2, a copy to edit
/// procedure.UpdateDraft(procedure.Draft!.ToContent() with { Name = "…" });
/// </code>
/// </example>
public sealed class Procedure
{
    public const int CodeMaxLength = 60;

    private readonly List<ProcedureVersion> _versions = [];

    private Procedure() { Code = ""; }

    public int Id { get; private set; }

    /// <summary>The normalized <see cref="ProcedureCode"/>; unique and stable.</summary>
    public string Code { get; private set; }

    /// <summary>All versions, oldest first.</summary>
    public IReadOnlyList<ProcedureVersion> Versions => _versions;

    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public int RowVersion { get; private set; }

    /// <summary>The version being edited, if any.</summary>
    public ProcedureVersion? Draft => _versions.FirstOrDefault(v => v.Status == VersionStatus.Draft);

    /// <summary>The published version with the latest effective date, in force now or from a future date.</summary>
    public ProcedureVersion? LatestPublished => _versions
        .Where(v => v.Status == VersionStatus.Published)
        .MaxBy(v => v.EffectiveFrom);

    /// <summary>
    /// Creates a procedure whose version 1 is a draft holding <paramref name="firstDraft"/>. Throws
    /// <see cref="DomainException"/> when the code or the content is invalid; code uniqueness is the database's.
    /// </summary>
    public static Procedure Create(string code, ProcedureContent firstDraft)
    {
        var procedure = new Procedure { Code = ProcedureCode.Parse(code).Value };
        procedure._versions.Add(new ProcedureVersion(1, procedure.Code, firstDraft.Validate()));
        return procedure;
    }

    /// <summary>
    /// The version a dossier received on <paramref name="day"/> is handled under: the published (or retired) version
    /// with the latest effective date on or before that day — unless that one is retired from that day or earlier,
    /// in which case none is in force (an earlier version never comes back: the retired one had superseded it).
    /// Null when none is in force. <see cref="ProcedureVersions.InForceOnAsync"/> is the same rule in SQL.
    /// </summary>
    public ProcedureVersion? PublishedVersionOn(DateOnly day) => _versions
        .Where(v => v.Status != VersionStatus.Draft && v.EffectiveFrom <= day)
        .OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Number)
        .FirstOrDefault() is { } latest && latest.IsInForceOn(day)
        ? latest
        : null;

    /// <summary>Replaces the draft's content. Throws when there is no draft or the content is invalid.</summary>
    public ProcedureVersion UpdateDraft(ProcedureContent content)
    {
        var draft = Draft ?? throw NoDraft();
        return UpdateVersion(draft.Number, content);
    }

    /// <summary>Replaces the content of version <paramref name="number"/>, which must be the draft.</summary>
    public ProcedureVersion UpdateVersion(int number, ProcedureContent content)
    {
        var version = VersionNumbered(number);
        version.EnsureDraft();
        version.Apply(Code, content.Validate());
        Touch();
        return version;
    }

    /// <summary>
    /// Starts a new draft as a copy of the latest version, to edit a published procedure. Throws when a draft
    /// already exists.
    /// </summary>
    public ProcedureVersion CreateDraftFromLatest()
    {
        if (Draft is { } draft)
        {
            throw new DomainException(
                "catalog.procedure.draft-exists",
                $"Thủ tục {Code} đang có bản nháp (phiên bản {draft.Number}); hãy sửa hoặc công bố bản nháp đó.");
        }

        var latest = _versions.MaxBy(v => v.Number)!;
        var copy = new ProcedureVersion(latest.Number + 1, Code, latest.ToContent());
        _versions.Add(copy);
        Touch();
        return copy;
    }

    /// <summary>
    /// Publishes the draft, in force from <paramref name="effectiveFrom"/>. The date must be later than that of every
    /// other published version, so that each day has exactly one version in force.
    /// </summary>
    public ProcedureVersion Publish(DateOnly effectiveFrom)
    {
        var draft = Draft ?? throw NoDraft();
        // Retired versions count too: a new decision may bring an abolished procedure back, but only after it.
        var clash = _versions
            .Where(v => v.Status != VersionStatus.Draft && v.EffectiveFrom >= effectiveFrom)
            .MaxBy(v => v.EffectiveFrom);
        if (clash is not null)
        {
            throw new DomainException(
                "catalog.procedure.effective-date",
                $"Ngày hiệu lực ({effectiveFrom:dd/MM/yyyy}) phải sau ngày hiệu lực của phiên bản {clash.Number} "
                + $"({clash.EffectiveFrom:dd/MM/yyyy}).",
                nameof(ProcedureVersion.EffectiveFrom));
        }

        draft.Publish(effectiveFrom);
        Touch();
        return draft;
    }

    /// <summary>
    /// Retires (bãi bỏ) published version <paramref name="number"/> from <paramref name="retiredFrom"/>, e.g. the
    /// procedure was abolished by a decision: no dossier is received under it from that day, and no earlier version
    /// takes its place. Dossiers already received keep their version. Only the latest published version can be
    /// retired (an earlier one is already superseded); the day may not be before <paramref name="today"/> (receptions
    /// already made stay valid) nor before the version took effect. A new decision can bring the procedure back by
    /// publishing a new version after it.
    /// </summary>
    public ProcedureVersion Retire(int number, DateOnly retiredFrom, string reason, DateOnly today)
    {
        var version = VersionNumbered(number);
        if (version.Status != VersionStatus.Published)
        {
            throw new DomainException(
                "catalog.procedure.retire-unpublished",
                version.Status == VersionStatus.Draft
                    ? $"Phiên bản {number} là bản nháp, chưa công bố nên không thể bãi bỏ; hãy xóa bản nháp."
                    : $"Phiên bản {number} đã bãi bỏ từ ngày {version.RetiredFrom:dd/MM/yyyy}.");
        }

        var latest = _versions.Where(v => v.Status != VersionStatus.Draft).MaxBy(v => v.EffectiveFrom)!;
        if (latest != version)
        {
            throw new DomainException(
                "catalog.procedure.retire-superseded",
                $"Phiên bản {number} đã được thay thế bởi phiên bản {latest.Number} (hiệu lực từ {latest.EffectiveFrom:dd/MM/yyyy}); "
                + $"để bãi bỏ thủ tục, hãy bãi bỏ phiên bản {latest.Number}.");
        }

        if (retiredFrom < today)
        {
            throw new DomainException(
                "catalog.procedure.retire-past",
                $"Ngày bãi bỏ ({retiredFrom:dd/MM/yyyy}) không được trước hôm nay ({today:dd/MM/yyyy}): hồ sơ đã tiếp nhận "
                + "theo phiên bản này vẫn giữ nguyên.",
                nameof(ProcedureVersion.RetiredFrom));
        }

        if (retiredFrom < version.EffectiveFrom)
        {
            throw new DomainException(
                "catalog.procedure.retire-before-effective",
                $"Ngày bãi bỏ ({retiredFrom:dd/MM/yyyy}) không được trước ngày phiên bản {number} có hiệu lực "
                + $"({version.EffectiveFrom:dd/MM/yyyy}).",
                nameof(ProcedureVersion.RetiredFrom));
        }

        version.Retire(retiredFrom, CatalogGuard.Required(
            reason, ProcedureVersion.RetirementReasonMaxLength, "Lý do bãi bỏ", nameof(ProcedureVersion.RetirementReason)));
        Touch();
        return version;
    }

    /// <summary>Deletes the draft. Throws when there is none or when it is the procedure's only version.</summary>
    public void DiscardDraft()
    {
        var draft = Draft ?? throw NoDraft();
        if (_versions.Count == 1)
        {
            throw new DomainException(
                "catalog.procedure.discard-only-version",
                $"Bản nháp là phiên bản duy nhất của thủ tục {Code}; không thể xóa.");
        }

        _versions.Remove(draft);
        Touch();
    }

    private ProcedureVersion VersionNumbered(int number) =>
        _versions.FirstOrDefault(v => v.Number == number)
        ?? throw new DomainException(
            "catalog.procedure.version-not-found", $"Thủ tục {Code} không có phiên bản {number}.");

    private DomainException NoDraft() => new(
        "catalog.procedure.no-draft",
        $"Thủ tục {Code} không có bản nháp; hãy tạo bản nháp từ phiên bản mới nhất để sửa.");

    private void Touch() => RowVersion++;
}

/// <summary>One version of a procedure, as published by a decision. Published and retired versions are read-only.</summary>
public sealed class ProcedureVersion
{
    /// <summary>Name of the single step <see cref="TermsFor"/> gives a one-stop procedure.</summary>
    public const string OneStopStepName = "Giải quyết hồ sơ";

    public const int NameSearchMaxLength = ProcedureContent.NameMaxLength + Procedure.CodeMaxLength + 1;

    public const int RetirementReasonMaxLength = 500;

    private List<int> _levelIds = [];
    private List<int> _cooperatingAgencyIds = [];
    private List<LegalBasis> _legalBases = [];
    private List<ProcedureCase> _cases = [];

    private ProcedureVersion()
    {
        Name = "";
        DecisionNumber = "";
        ProcedureType = "";
        DecidingAgency = "";
        ReceivingPlace = "";
        ResultName = "";
        Conditions = "";
        NameSearch = "";
    }

    internal ProcedureVersion(int number, string procedureCode, ProcedureContent validContent) : this()
    {
        Number = number;
        Status = VersionStatus.Draft;
        Apply(procedureCode, validContent);
    }

    public int Id { get; private set; }
    public int ProcedureId { get; private set; }

    /// <summary>1, 2, … within the procedure.</summary>
    public int Number { get; private set; }

    public VersionStatus Status { get; private set; }

    /// <summary>The day the version takes effect; set when published.</summary>
    public DateOnly? EffectiveFrom { get; private set; }

    /// <summary>For a retired version: the first day no dossier is received under it.</summary>
    public DateOnly? RetiredFrom { get; private set; }

    /// <summary>For a retired version: why, e.g. the abolishing decision.</summary>
    public string? RetirementReason { get; private set; }

    /// <summary>Số quyết định công bố.</summary>
    public string DecisionNumber { get; private set; }

    public string Name { get; private set; }
    public int FieldId { get; private set; }

    /// <summary>Cấp thực hiện.</summary>
    public IReadOnlyList<int> LevelIds => _levelIds;

    public ProcedureKind Kind { get; private set; }

    /// <summary>Loại thủ tục, as published.</summary>
    public string ProcedureType { get; private set; }

    /// <summary>Cơ quan có thẩm quyền quyết định, as published.</summary>
    public string DecidingAgency { get; private set; }

    public int ImplementingAgencyId { get; private set; }
    public IReadOnlyList<int> CooperatingAgencyIds => _cooperatingAgencyIds;

    /// <summary>Địa chỉ tiếp nhận hồ sơ.</summary>
    public string ReceivingPlace { get; private set; }

    /// <summary>Kết quả thực hiện.</summary>
    public string ResultName { get; private set; }

    /// <summary>Yêu cầu, điều kiện thực hiện.</summary>
    public string Conditions { get; private set; }

    public IReadOnlyList<LegalBasis> LegalBases => _legalBases;
    public SupplementClockMode SupplementMode { get; private set; }
    public AlertThresholds? AlertOverride { get; private set; }

    /// <summary>The cases; the first is the default.</summary>
    public IReadOnlyList<ProcedureCase> Cases => _cases;

    /// <summary>The default case: the first one.</summary>
    public ProcedureCase DefaultCase => _cases[0];

    /// <summary>Folded name and code (<see cref="VietnameseText.Fold"/>), indexed for accent-insensitive search.</summary>
    public string NameSearch { get; private set; }

    /// <summary>Amount of the default case's in-person time (or its first channel's), kept for list sorting and filters.</summary>
    public int DefaultTimeAmount { get; private set; }

    /// <summary>Unit of the default case's in-person time (or its first channel's).</summary>
    public TimeUnit DefaultTimeUnit { get; private set; }

    /// <summary>Whether the version can no longer change (published or retired).</summary>
    public bool IsReadOnly => Status != VersionStatus.Draft;

    /// <summary>The version's content as one value, to edit with <c>with</c> and pass to <see cref="Procedure.UpdateDraft"/>.</summary>
    public ProcedureContent ToContent() => new()
    {
        DecisionNumber = DecisionNumber,
        Name = Name,
        FieldId = FieldId,
        LevelIds = [.. _levelIds],
        Kind = Kind,
        ProcedureType = ProcedureType,
        DecidingAgency = DecidingAgency,
        ImplementingAgencyId = ImplementingAgencyId,
        CooperatingAgencyIds = [.. _cooperatingAgencyIds],
        ReceivingPlace = ReceivingPlace,
        ResultName = ResultName,
        Conditions = Conditions,
        LegalBases = [.. _legalBases],
        SupplementMode = SupplementMode,
        AlertOverride = AlertOverride,
        Cases = [.. _cases],
    };

    /// <summary>The case coded <paramref name="caseCode"/>, or null.</summary>
    public ProcedureCase? FindCase(string caseCode) =>
        _cases.FirstOrDefault(c => string.Equals(c.Code, caseCode?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The clock terms for a dossier received under <paramref name="caseCode"/> through <paramref name="channel"/>:
    /// the case's total for that channel and its steps (a one-stop procedure gets one step, at the implementing
    /// agency, with the whole total). Throws <see cref="DomainException"/> when the case or channel is not offered.
    /// </summary>
    public ProcessingTerms TermsFor(string caseCode, Channel channel)
    {
        var @case = FindCase(caseCode) ?? throw new DomainException(
            "catalog.procedure.case-not-found",
            $"Thủ tục \"{Name}\" (phiên bản {Number}) không có trường hợp \"{caseCode}\".",
            "CaseCode");
        var term = @case.TermsOf(channel) ?? throw new DomainException(
            "catalog.procedure.channel-not-offered",
            $"Trường hợp \"{@case.Name}\" của thủ tục \"{Name}\" không thực hiện {CatalogText.Describe(channel)}.",
            "Channel");

        IReadOnlyList<ProcessingStepTerm> steps = Kind == ProcedureKind.OneStop
            ? [new ProcessingStepTerm(1, OneStopStepName, ImplementingAgencyId, term.Time)]
            : [.. @case.Steps.Select(s => new ProcessingStepTerm(s.Order, s.Name, s.AgencyId, s.Share))];
        return new ProcessingTerms(term.Time, steps, SupplementMode, AlertOverride);
    }

    internal void EnsureDraft()
    {
        if (IsReadOnly)
        {
            throw new DomainException(
                "catalog.procedure.version-read-only",
                Status == VersionStatus.Published
                    ? $"Phiên bản {Number} đã công bố nên chỉ được xem; hãy tạo bản nháp mới để sửa."
                    : $"Phiên bản {Number} đã bãi bỏ nên chỉ được xem.");
        }
    }

    internal void Apply(string procedureCode, ProcedureContent content)
    {
        EnsureDraft();
        DecisionNumber = content.DecisionNumber;
        Name = content.Name;
        FieldId = content.FieldId;
        _levelIds = [.. content.LevelIds];
        Kind = content.Kind;
        ProcedureType = content.ProcedureType;
        DecidingAgency = content.DecidingAgency;
        ImplementingAgencyId = content.ImplementingAgencyId;
        _cooperatingAgencyIds = [.. content.CooperatingAgencyIds];
        ReceivingPlace = content.ReceivingPlace;
        ResultName = content.ResultName;
        Conditions = content.Conditions;
        _legalBases = [.. content.LegalBases];
        SupplementMode = content.SupplementMode;
        AlertOverride = content.AlertOverride;
        _cases = [.. content.Cases];

        NameSearch = VietnameseText.Fold($"{Name} {procedureCode}");
        var listed = DefaultCase.TermsOf(Channel.InPerson) ?? DefaultCase.Channels[0];
        DefaultTimeAmount = listed.Time.Amount;
        DefaultTimeUnit = listed.Time.Unit;
    }

    internal void Publish(DateOnly effectiveFrom)
    {
        EnsureDraft();
        Status = VersionStatus.Published;
        EffectiveFrom = effectiveFrom;
    }

    internal void Retire(DateOnly retiredFrom, string reason)
    {
        Status = VersionStatus.Retired;
        RetiredFrom = retiredFrom;
        RetirementReason = reason;
    }

    /// <summary>Whether, once it took effect, the version still governs receptions on <paramref name="day"/>.</summary>
    internal bool IsInForceOn(DateOnly day) =>
        Status == VersionStatus.Published || (Status == VersionStatus.Retired && RetiredFrom > day);
}
