using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PublicService.Domain.Monitoring;

/// <summary>
/// <see cref="ScanWriter"/>'s rows on PostgreSQL, sent a batch at a time: one <c>UPDATE … FROM unnest(arrays)</c>
/// (each row still guarded by its concurrency token) and one <c>INSERT … SELECT FROM unnest(arrays)</c> per batch
/// instead of two statements per dossier. On SQLite a statement is a function call in the process; on a server
/// every statement is a network round trip plus a parse, and the per-row form cost ten times the SQL floor.
/// The values are the same ones the per-row path sends (model converters applied), one array per column.
/// </summary>
internal sealed class PostgresScanBatch(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql,
    IEntityType dossier, IProperty[] updateProperties, IProperty id, IProperty rowVersion, IEntityType dossierEvent, IProperty[] eventProperties)
{
    private readonly List<object?[]> _updates = [];
    private readonly List<object?[]> _events = [];

    public static bool Applies(DbConnection connection) => connection is NpgsqlConnection;

    /// <summary>Queues a row: the values of <c>updateProperties</c> (provider values), then the id and the token read.</summary>
    public void AddUpdate(object?[] values) => _updates.Add(values);

    public void AddEvent(object?[] values) => _events.Add(values);

    public int Pending => _updates.Count;

    public async Task FlushAsync(CancellationToken ct)
    {
        if (_updates.Count == 0 && _events.Count == 0) return;
        var columns = updateProperties.Select(p => sql.DelimitIdentifier(p.GetColumnName())).ToArray();
        await using (var update = Command(
            $"UPDATE {sql.DelimitIdentifier(dossier.GetTableName()!)} AS d SET {string.Join(", ", columns.Select((c, i) => $"{c} = v.c{i}"))} " +
            $"FROM unnest({string.Join(", ", Enumerable.Range(0, columns.Length + 2).Select(i => $"@c{i}"))}) " +
            $"AS v({string.Join(", ", Enumerable.Range(0, columns.Length).Select(i => $"c{i}"))}, id, seen) " +
            $"WHERE d.{sql.DelimitIdentifier(id.GetColumnName())} = v.id AND d.{sql.DelimitIdentifier(rowVersion.GetColumnName())} = v.seen",
            [.. updateProperties, id, rowVersion], _updates))
        {
            var written = await update.ExecuteNonQueryAsync(ct);
            if (written != _updates.Count)
                throw new DbUpdateConcurrencyException($"{_updates.Count - written} of {_updates.Count} dossiers changed while the deadline scan was writing them.");
        }
        if (_events.Count > 0)
        {
            await using var insert = Command(
                $"INSERT INTO {sql.DelimitIdentifier(dossierEvent.GetTableName()!)} " +
                $"({string.Join(", ", eventProperties.Select(p => sql.DelimitIdentifier(p.GetColumnName())))}) " +
                $"SELECT * FROM unnest({string.Join(", ", eventProperties.Select((_, i) => $"@c{i}"))})",
                eventProperties, _events);
            await insert.ExecuteNonQueryAsync(ct);
        }
        _updates.Clear();
        _events.Clear();
    }

    /// <summary>A command with one array parameter per column, typed by the column's provider type (Npgsql maps the array).</summary>
    private NpgsqlCommand Command(string text, IProperty[] properties, List<object?[]> rows)
    {
        var command = new NpgsqlCommand(text, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        for (var i = 0; i < properties.Length; i++)
        {
            var mapping = properties[i].GetTypeMapping();
            var type = mapping.Converter?.ProviderClrType ?? properties[i].ClrType;
            // A nullable column keeps its nulls: an array of Nullable<T> for value types.
            if (type.IsValueType && properties[i].IsNullable && Nullable.GetUnderlyingType(type) is null) type = typeof(Nullable<>).MakeGenericType(type);
            var array = Array.CreateInstance(type, rows.Count);
            for (var r = 0; r < rows.Count; r++) array.SetValue(rows[r][i], r);
            command.Parameters.Add(new NpgsqlParameter($"c{i}", array));
        }
        return command;
    }
}
