namespace PublicService.Domain.Audit;

/// <summary>
/// One line of the audit trail: who did what to which account or record, when and from where. The table is
/// append-only — database triggers refuse UPDATE and DELETE — so the trail also holds against someone with the
/// application's own credentials. Dossier changes are already audited by their events; this records the rest
/// (sign-ins, accounts, roles, settings).
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 60;
    public const int ActorMaxLength = 256;
    public const int SubjectMaxLength = 256;
    public const int DetailMaxLength = 2000;
    public const int AddressMaxLength = 64;

    private AuditEntry() { Action = ""; Actor = ""; }

    public AuditEntry(DateTime atUtc, string action, string actor, string? subject = null, string? detail = null, string? address = null)
    {
        if (atUtc.Kind != DateTimeKind.Utc) throw new ArgumentException("The instant must be UTC.", nameof(atUtc));
        AtUtc = atUtc;
        Action = Clip(action, ActionMaxLength)!;
        Actor = Clip(actor, ActorMaxLength) ?? "";
        Subject = Clip(subject, SubjectMaxLength);
        Detail = Clip(detail, DetailMaxLength);
        Address = Clip(address, AddressMaxLength);
    }

    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    /// <summary>A stable dotted key, see <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; }
    /// <summary>The user name acting, or <c>system</c> / the name typed at a failed sign-in.</summary>
    public string Actor { get; private set; }
    public string? Subject { get; private set; }
    public string? Detail { get; private set; }
    /// <summary>The client's IP address, when the action came over HTTP.</summary>
    public string? Address { get; private set; }

    // The trail must keep what was said even when it is too long; losing the tail beats losing the line.
    private static string? Clip(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}

/// <summary>The audit action keys: <c>area.verb</c>, the area being the kind of thing changed.</summary>
public static class AuditActions
{
    public const string SignIn = "auth.sign-in";
    public const string SignInFailed = "auth.sign-in-failed";
    public const string LockedOut = "auth.locked-out";
    public const string SignOut = "auth.sign-out";
    public const string PasswordChanged = "account.password-changed";
    public const string AccountCreated = "account.created";
    public const string AccountUpdated = "account.updated";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string PasswordReset = "account.password-reset";
    public const string CatalogImported = "catalog.imported";
    public const string CatalogProcedureCreated = "catalog.procedure-created";
    public const string CatalogProcedurePublished = "catalog.procedure-published";
    public const string CatalogProcedureRetired = "catalog.procedure-retired";
    public const string CalendarOverridesSaved = "calendar.overrides-saved";
    public const string CalendarOverrideRemoved = "calendar.override-removed";
    public const string AlertThresholdsChanged = "settings.alerts-changed";
    public const string FormSettingsChanged = "settings.forms-changed";

    /// <summary>Every key above, read by reflection so a new constant shows up in the audit viewer's filter without a second list.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(AuditActions)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    /// <summary>The kinds of thing the trail records changes to (<c>account</c>, <c>catalog</c>, …), in the order first declared.</summary>
    public static IReadOnlyList<string> Areas { get; } = All.Select(AreaOf).Distinct().ToList();

    /// <summary>The part of an action key before the dot: what kind of thing was acted on.</summary>
    public static string AreaOf(string action)
    {
        var dot = action.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? action : action[..dot];
    }
}
