using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Calendar;

namespace PublicService.Domain.Audit;

/// <summary>
/// What the audit viewer asks for. <see cref="Area"/> is the kind of thing (the action's prefix, e.g. <c>account</c>),
/// <see cref="Subject"/> a part of the record's id or name, <see cref="Actor"/> a part of the acting user name;
/// the dates are Vietnam calendar days, both included.
/// </summary>
public sealed record AuditFilter(
    string? Area = null, string? Action = null, string? Subject = null, string? Actor = null, DateOnly? From = null, DateOnly? To = null);

public static class AuditQueries
{
    /// <summary>The entries the filter admits; translatable, so paging and counting happen in the database.</summary>
    public static IQueryable<AuditEntry> Matching(this IQueryable<AuditEntry> entries, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Area))
        {
            var prefix = filter.Area.Trim() + ".";
            entries = entries.Where(e => e.Action.StartsWith(prefix));
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            entries = entries.Where(e => e.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            var subject = ContainsPattern(filter.Subject);
            entries = entries.Where(e => e.Subject != null && EF.Functions.Like(e.Subject.ToLower(), subject, Escape));
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = ContainsPattern(filter.Actor);
            entries = entries.Where(e => EF.Functions.Like(e.Actor.ToLower(), actor, Escape));
        }
        if (filter.From is { } from)
        {
            var fromUtc = VietnamTime.ToUtc(from, TimeOnly.MinValue);
            entries = entries.Where(e => e.AtUtc >= fromUtc);
        }
        if (filter.To is { } to)
        {
            var beforeUtc = VietnamTime.ToUtc(to.AddDays(1), TimeOnly.MinValue);
            entries = entries.Where(e => e.AtUtc < beforeUtc);
        }
        return entries;
    }

    private const string Escape = "\\";

    // Case-insensitive on every provider, as people type e-mails: both sides in lower case (SQLite's LIKE would ignore
    // the case of ASCII letters by itself, PostgreSQL's does not). A contains pattern uses no index anyway.
    private static string ContainsPattern(string text) =>
        "%" + text.Trim().ToLowerInvariant().Replace(Escape, Escape + Escape).Replace("%", Escape + "%").Replace("_", Escape + "_") + "%";

    /// <summary>Newest first; the id breaks ties between lines written in the same tick.</summary>
    public static IOrderedQueryable<AuditEntry> NewestFirst(this IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id);
}
