using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Persistence;

namespace PublicService.Domain.Monitoring;

/// <summary>
/// Writes what the scan changed with prepared statements reused for every dossier in the transaction: one
/// UPDATE of the derived columns (guarded by the concurrency token) and one INSERT per new event. Change tracking
/// costs more than the scan itself; this keeps a few thousand changes well under a second. Table and column names,
/// quoting and value conversions come from the EF model, so the SQL follows the mapping on every provider.
/// <para>
/// A dossier whose schedule did not move (the usual case for the scan: only its level and next alert change) is
/// written without the schedule columns. SQLite rewrites the entries of every index on a column named in SET,
/// even to the same value, and <c>DueAtUtc</c> is in four indexes: naming it doubled the random pages each
/// row dirtied, which was most of the gap to the SQL floor.
/// </para>
/// </summary>
internal sealed class ScanWriter : IAsyncDisposable
{
    private static readonly (string Property, Func<Dossier, object?> Value)[] DossierColumns =
    [
        (nameof(Dossier.CountingStartUtc), d => d.CountingStartUtc),
        (nameof(Dossier.DueAtUtc), d => d.DueAtUtc),
        (nameof(Dossier.StepDueAtUtc), d => d.StepDueAtUtc),
        (nameof(Dossier.AlertLevel), d => d.AlertLevel),
        (nameof(Dossier.StepAlertLevel), d => d.StepAlertLevel),
        (nameof(Dossier.NextAlertAtUtc), d => d.NextAlertAtUtc),
        (nameof(Dossier.LastEventSequence), d => d.LastEventSequence),
        (nameof(Dossier.RowVersion), d => d.RowVersion),
        (nameof(Dossier.LastChangedBy), d => d.LastChangedBy),
        (nameof(Dossier.LastChangedAtUtc), d => d.LastChangedAtUtc),
    ];

    /// <summary>The columns of <see cref="DossierColumns"/> that only a moved schedule changes.</summary>
    private static readonly HashSet<string> ScheduleColumns =
        [nameof(Dossier.CountingStartUtc), nameof(Dossier.DueAtUtc), nameof(Dossier.StepDueAtUtc)];

    private static readonly (string Property, Func<long, DossierEvent, object?> Value)[] EventColumns =
    [
        (nameof(DossierEvent.DossierId), (id, _) => id),
        (nameof(DossierEvent.Sequence), (_, e) => e.Sequence),
        (nameof(DossierEvent.Type), (_, e) => e.Type),
        (nameof(DossierEvent.Actor), (_, e) => e.Actor),
        (nameof(DossierEvent.AtUtc), (_, e) => e.AtUtc),
        (nameof(DossierEvent.DataJson), (_, e) => e.DataJson),
    ];

    private readonly DbCommand _update;
    private readonly IProperty[] _updateProperties;
    private readonly DbCommand _updateAlert;
    private readonly int[] _alertColumns;
    private readonly IProperty _id;
    private readonly IProperty _rowVersion;
    private readonly DbCommand _insert;
    private readonly IProperty[] _insertProperties;
    private readonly PostgresScanBatch? _batch;

    private ScanWriter(PublicServiceDbContext db, DbTransaction transaction)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();

        var dossier = db.Model.FindEntityType(typeof(Dossier))!;
        _updateProperties = DossierColumns.Select(c => dossier.FindProperty(c.Property)!).ToArray();
        _id = dossier.FindProperty(nameof(Dossier.Id))!;
        _rowVersion = dossier.FindProperty(nameof(Dossier.RowVersion))!;
        string UpdateSql(IEnumerable<int> columns) =>
            $"UPDATE {sql.DelimitIdentifier(dossier.GetTableName()!)} " +
            $"SET {string.Join(", ", columns.Select(i => $"{sql.DelimitIdentifier(_updateProperties[i].GetColumnName())} = @u{i}"))} " +
            $"WHERE {sql.DelimitIdentifier(_id.GetColumnName())} = @id AND {sql.DelimitIdentifier(_rowVersion.GetColumnName())} = @seen";
        DbCommand UpdateCommand(int[] columns)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = UpdateSql(columns);
            foreach (var i in columns) AddParameter(command, $"@u{i}");
            AddParameter(command, "@id");
            AddParameter(command, "@seen");
            return command;
        }
        _update = UpdateCommand([.. Enumerable.Range(0, DossierColumns.Length)]);
        _alertColumns = [.. Enumerable.Range(0, DossierColumns.Length).Where(i => !ScheduleColumns.Contains(DossierColumns[i].Property))];
        _updateAlert = UpdateCommand(_alertColumns);

        var dossierEvent = db.Model.FindEntityType(typeof(DossierEvent))!;
        _insertProperties = EventColumns.Select(c => dossierEvent.FindProperty(c.Property)!).ToArray();
        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(dossierEvent.GetTableName()!)} " +
            $"({string.Join(", ", _insertProperties.Select(p => sql.DelimitIdentifier(p.GetColumnName())))}) " +
            $"VALUES ({string.Join(", ", _insertProperties.Select((_, i) => $"@e{i}"))})";
        for (var i = 0; i < _insertProperties.Length; i++) AddParameter(_insert, $"@e{i}");
        if (PostgresScanBatch.Applies(connection))
            _batch = new PostgresScanBatch(connection, transaction, sql, dossier, _updateProperties, _id, _rowVersion, dossierEvent, _insertProperties);
    }

    /// <summary>
    /// Sends what is queued (PostgreSQL queues a batch's rows, <see cref="PostgresScanBatch"/>; SQLite wrote each
    /// row at once). Call it after each batch and before commit.
    /// </summary>
    public Task FlushAsync(CancellationToken ct) => _batch?.FlushAsync(ct) ?? Task.CompletedTask;

    /// <summary>
    /// The dossiers <paramref name="ids"/> as the scan and a calendar recompute need them: only the columns their
    /// deadlines depend on and those this writer writes (<see cref="Dossier.ForDeadlines"/>), untracked and without
    /// their histories (the next sequence number is on the row).
    /// </summary>
    public static IQueryable<Dossier> Rows(PublicServiceDbContext db, IReadOnlyCollection<long> ids) =>
        db.Dossiers.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => Dossier.ForDeadlines(
            d.Id, d.Code, d.ProcedureVersionId, d.Terms, d.Status, d.CurrentStep, d.ClockStartUtc, d.CountingStartUtc,
            d.PausedWorkingMinutes, d.DueAtUtc, d.StepDueAtUtc, d.AlertLevel, d.StepAlertLevel, d.NextAlertAtUtc,
            d.LastEventSequence, d.RowVersion, d.LastChangedBy, d.LastChangedAtUtc));

    /// <summary>A writer on the context's connection, inside its current transaction.</summary>
    public static ScanWriter For(PublicServiceDbContext db) =>
        new(db, db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The scan writes inside its transaction."));

    /// <summary>What a row held when read: its concurrency token and its schedule, to write only what changed.</summary>
    public readonly record struct Seen(int RowVersion, DateTime CountingStartUtc, DateTime DueAtUtc, DateTime? StepDueAtUtc);

    /// <summary>Takes the <see cref="Seen"/> of a dossier just read, before the domain changes it.</summary>
    public static Seen Read(Dossier dossier) => new(dossier.RowVersion, dossier.CountingStartUtc, dossier.DueAtUtc, dossier.StepDueAtUtc);

    /// <summary>
    /// Writes the dossier's derived columns and its new events (those in <see cref="Dossier.Events"/>, since the
    /// scan loads dossiers without their history). A dossier changed since it was read is refused.
    /// </summary>
    public Task WriteAsync(Dossier dossier, int seenRowVersion, CancellationToken ct) =>
        WriteAsync(_update, Enumerable.Range(0, DossierColumns.Length), dossier, seenRowVersion, ct);

    /// <summary>The same, leaving out the schedule columns when the schedule is what <paramref name="seen"/> held.</summary>
    public Task WriteAsync(Dossier dossier, Seen seen, CancellationToken ct) =>
        seen.CountingStartUtc == dossier.CountingStartUtc && seen.DueAtUtc == dossier.DueAtUtc && seen.StepDueAtUtc == dossier.StepDueAtUtc
            ? WriteAsync(_updateAlert, _alertColumns, dossier, seen.RowVersion, ct)
            : WriteAsync(_update, Enumerable.Range(0, DossierColumns.Length), dossier, seen.RowVersion, ct);

    private async Task WriteAsync(DbCommand update, IEnumerable<int> columns, Dossier dossier, int seenRowVersion, CancellationToken ct)
    {
        if (_batch is not null)
        {
            // Every column: PostgreSQL writes a new row version with entries in every index anyway once an indexed
            // column (the level, the next alert instant) changes, so naming the unchanged schedule costs nothing.
            _batch.AddUpdate([.. _updateProperties.Select((p, i) => Provider(p, DossierColumns[i].Value(dossier))), dossier.Id, seenRowVersion]);
            foreach (var e in dossier.Events)
                _batch.AddEvent([.. _insertProperties.Select((p, i) => Provider(p, EventColumns[i].Value(dossier.Id, e)))]);
            if (_batch.Pending >= 1000) await _batch.FlushAsync(ct);
            return;
        }
        var parameter = 0;
        foreach (var i in columns)
            Set(update.Parameters[parameter++], _updateProperties[i], DossierColumns[i].Value(dossier));
        Set(update.Parameters[parameter++], _id, dossier.Id);
        Set(update.Parameters[parameter], _rowVersion, seenRowVersion);
        if (await update.ExecuteNonQueryAsync(ct) != 1)
            throw new DbUpdateConcurrencyException($"Dossier {dossier.Code} changed while the deadline scan was writing it.");

        foreach (var e in dossier.Events)
        {
            for (var i = 0; i < EventColumns.Length; i++)
                Set(_insert.Parameters[i], _insertProperties[i], EventColumns[i].Value(dossier.Id, e));
            await _insert.ExecuteNonQueryAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _update.DisposeAsync();
        await _updateAlert.DisposeAsync();
        await _insert.DisposeAsync();
    }

    private static void AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
    }

    private static void Set(DbParameter parameter, IProperty property, object? value) => parameter.Value = Provider(property, value) ?? DBNull.Value;

    private static object? Provider(IProperty property, object? value)
    {
        var converter = property.GetTypeMapping().Converter;
        return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
    }
}
