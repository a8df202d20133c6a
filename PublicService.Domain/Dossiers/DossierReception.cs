using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Persistence;
using PublicService.Domain.Settings;

namespace PublicService.Domain.Dossiers;

/// <summary>What the reception officer enters for a complete and valid dossier.</summary>
public sealed record ReceiveDossierCommand(
    int ProcedureId,
    string CaseCode,
    Channel Channel,
    int ReceivingAgencyId,
    Applicant Applicant,
    IReadOnlyList<string> Documents);

/// <summary>
/// Turns a complete application into a dossier: pins the procedure version in force, issues the code, starts the
/// clock. The reception is logged with the new code as the structured <c>DossierCode</c> property.
/// </summary>
public sealed class DossierReception(
    IDbContextFactory<PublicServiceDbContext> dbFactory,
    WorkingCalendarProvider calendars,
    TimeProvider time,
    ILogger<DossierReception>? logger = null)
{
    private static readonly Action<ILogger, string, string, string, int, DateTime, Exception?> ReceivedLine =
        LoggerMessage.Define<string, string, string, int, DateTime>(LogLevel.Information, new EventId(1, "DossierReceived"),
            "Dossier {DossierCode}: Receive by {Actor} at agency {AgencyCode}, procedure {ProcedureId}, due {DueAtUtc:o}");

    private readonly ILogger _logger = logger ?? NullLogger<DossierReception>.Instance;

    public async Task<Dossier> ReceiveAsync(ReceiveDossierCommand command, string actor, CancellationToken ct = default)
    {
        var receivedAtUtc = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var context = await db.LoadDeadlineContextAsync(calendars, ct);

        var version = await VersionInForceAsync(db, command.ProcedureId, VietnamTime.DateOf(receivedAtUtc), ct);
        var terms = version.TermsFor(command.CaseCode, command.Channel);
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == command.ReceivingAgencyId, ct)
            ?? throw new DomainException("dossier.reception.agency-unknown", "Cơ quan tiếp nhận không tồn tại.", "ReceivingAgencyId");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await NextNumberAsync(db, agency.Id, VietnamTime.DateOf(receivedAtUtc), ct);
        var dossier = Dossier.Receive(
            DossierCode.Format(agency.Code, receivedAtUtc, number),
            command.ProcedureId, version.Id, command.CaseCode, command.Channel, agency.Id,
            command.Applicant, terms, command.Documents, receivedAtUtc, actor, context);
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        using (_logger.BeginScope("DossierCode:{DossierCode}", dossier.Code))
            ReceivedLine(_logger, dossier.Code, actor, agency.Code, command.ProcedureId, dossier.DueAtUtc, null);
        return dossier;
    }

    /// <summary>A dossier is handled under the version in force on the receipt day (the catalog's rule, retirement included).</summary>
    private static async Task<ProcedureVersion> VersionInForceAsync(PublicServiceDbContext db, int procedureId, DateOnly day, CancellationToken ct) =>
        await ProcedureVersions.InForceOnAsync(db, procedureId, day, ct)
        ?? throw new DomainException("dossier.reception.no-version",
            $"Thủ tục chưa có phiên bản được công bố có hiệu lực vào ngày {day:dd/MM/yyyy}.", "ProcedureId");

    /// <summary>
    /// One upsert statement increments the agency's counter for the day inside the reception's transaction, so two
    /// officers receiving at the same moment get different numbers (the database serializes the writes).
    /// </summary>
    private static async Task<int> NextNumberAsync(PublicServiceDbContext db, int agencyId, DateOnly day, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            """
            INSERT INTO "DossierCodeCounters" ("AgencyId", "Day", "LastNumber") VALUES (@agency, @day, 1)
            ON CONFLICT ("AgencyId", "Day") DO UPDATE SET "LastNumber" = "DossierCodeCounters"."LastNumber" + 1
            RETURNING "LastNumber"
            """;
        AddParameter(command, "@agency", agencyId);
        AddParameter(command, "@day", day);
        var result = await command.ExecuteScalarAsync(ct);
        return Convert.ToInt32(result, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
