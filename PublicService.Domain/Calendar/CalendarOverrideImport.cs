using System.Globalization;
using System.Text;

namespace PublicService.Domain.Calendar;

/// <summary>One refused part of an import file: the 1-based line, the column or property (null for the whole line), and why, in Vietnamese.</summary>
public sealed record CalendarImportError(int Line, string? Field, string Reason)
{
    public override string ToString() => Field is null ? $"Dòng {Line}: {Reason}" : $"Dòng {Line}, {Field}: {Reason}";
}

/// <summary>
/// The outcome of reading an import file. All-or-nothing: when <see cref="Errors"/> is not empty,
/// <see cref="Overrides"/> is empty and the caller must apply nothing, so a half-corrected file never reaches the calendar.
/// </summary>
public sealed record CalendarImportResult(IReadOnlyList<CalendarOverride> Overrides, IReadOnlyList<CalendarImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Reads calendar overrides from the files ministries and provinces publish or an administrator prepares:
/// CSV (<c>date,kind,reason,decree</c>) and iCalendar (<c>.ics</c>). Hand-written, forgiving of layout
/// (column order, line endings, BOM, folded lines) and strict about content. A date may appear only once per file.
/// </summary>
public static class CalendarOverrideImport
{
    private static readonly string[] _csvColumns = ["date", "kind", "reason", "decree"];
    private static readonly string[] _csvDateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>The longest multi-day event accepted, so a typo in DTEND cannot create years of days off.</summary>
    private const int MaxEventDays = 366;

    /// <summary>
    /// Reads CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes, a quote
    /// doubled inside them) with the header <c>date,kind,reason,decree</c> in any column order. <c>date</c> is
    /// yyyy-MM-dd or dd/MM/yyyy; <c>kind</c> is <c>off</c> (an extra day off) or <c>working</c> (a working day).
    /// </summary>
    public static CalendarImportResult ParseCsv(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<CalendarImportError>();
        var rows = new List<(int Line, CalendarOverride Override)>();

        var records = ReadCsvRecords(StripByteOrderMark(text), errors)
            .Where(r => r.Fields.Count > 1 || !string.IsNullOrWhiteSpace(r.Fields[0]))
            .ToList();
        if (records.Count == 0)
        {
            errors.Add(new CalendarImportError(1, null, "Tệp trống: cần dòng tiêu đề date,kind,reason,decree."));
            return Fail(errors);
        }

        var header = records[0];
        var columns = header.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        foreach (var column in columns.Where(c => !_csvColumns.Contains(c)))
        {
            errors.Add(new CalendarImportError(header.Line, column, $"Cột '{column}' không được hỗ trợ; tiêu đề phải là date,kind,reason,decree."));
        }

        foreach (var column in _csvColumns.Where(c => !columns.Contains(c)))
        {
            errors.Add(new CalendarImportError(header.Line, column, $"Thiếu cột '{column}'; tiêu đề phải là date,kind,reason,decree."));
        }

        foreach (var column in columns.Where(c => _csvColumns.Contains(c)).GroupBy(c => c).Where(g => g.Count() > 1))
        {
            errors.Add(new CalendarImportError(header.Line, column.Key, $"Cột '{column.Key}' xuất hiện nhiều lần."));
        }

        if (errors.Count > 0)
        {
            return Fail(errors);
        }

        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != columns.Count)
            {
                errors.Add(new CalendarImportError(line, null, $"Dòng có {fields.Count} cột, tiêu đề có {columns.Count} cột."));
                continue;
            }

            string Value(string column) => fields[columns.IndexOf(column)].Trim();

            var dateText = Value("date");
            var kindText = Value("kind");
            var dateOk = DateOnly.TryParseExact(dateText, _csvDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            if (!dateOk)
            {
                errors.Add(new CalendarImportError(line, "date", $"Ngày '{dateText}' không hợp lệ; dùng yyyy-MM-dd hoặc dd/MM/yyyy."));
            }

            CalendarOverrideKind? kind = kindText.ToLowerInvariant() switch
            {
                "off" => CalendarOverrideKind.DayOff,
                "working" => CalendarOverrideKind.WorkingDay,
                _ => null,
            };
            if (kind is null)
            {
                errors.Add(new CalendarImportError(line, "kind", $"Loại '{kindText}' không hợp lệ; dùng off (ngày nghỉ) hoặc working (ngày làm việc)."));
            }

            if (dateOk && kind is { } validKind
                && TryCreate(date, validKind, Value("reason"), Value("decree"), line, "reason", "decree", errors) is { } created)
            {
                rows.Add((line, created));
            }
        }

        return Finish(rows, errors, "date");
    }

    /// <summary>Reads CSV from a UTF-8 stream (a byte-order mark is allowed); see <see cref="ParseCsv(string)"/>.</summary>
    public static CalendarImportResult ParseCsv(Stream stream) =>
        ReadUtf8(stream) is { } text ? ParseCsv(text) : NotUtf8();

    /// <summary>
    /// Reads iCalendar: each <c>VEVENT</c> with <c>DTSTART;VALUE=DATE:yyyyMMdd</c> and an optional exclusive
    /// <c>DTEND</c> (a multi-day event gives one override per day). <c>SUMMARY</c> is the reason; the decree comes
    /// from <c>X-DECREE</c>, or else <c>DESCRIPTION</c>. <c>CATEGORIES:WORKING-DAY</c> makes the days working days;
    /// any other event is a day off. Folded lines are unfolded; recurring events (<c>RRULE</c>) are refused.
    /// </summary>
    public static CalendarImportResult ParseICalendar(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<CalendarImportError>();
        var rows = new List<(int Line, CalendarOverride Override)>();

        var lines = UnfoldICalendar(StripByteOrderMark(text));
        if (!lines.Any(l => l.Text.Equals("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new CalendarImportError(1, null, "Không phải tệp iCalendar: thiếu BEGIN:VCALENDAR."));
            return Fail(errors);
        }

        var components = new Stack<string>();
        IcsEvent? current = null;
        foreach (var (lineNumber, lineText) in lines)
        {
            if (!TryParseContentLine(lineText, out var name, out var parameters, out var value))
            {
                errors.Add(new CalendarImportError(lineNumber, null, "Dòng không đúng dạng TÊN:giá trị của iCalendar."));
                continue;
            }

            if (name == "BEGIN")
            {
                var component = value.Trim().ToUpperInvariant();
                components.Push(component);
                if (component == "VEVENT" && components.Count(c => c == "VEVENT") == 1)
                {
                    current = new IcsEvent(lineNumber);
                }

                continue;
            }

            if (name == "END")
            {
                var component = value.Trim().ToUpperInvariant();
                if (components.Count == 0 || components.Peek() != component)
                {
                    errors.Add(new CalendarImportError(lineNumber, "END", $"END:{component} không khớp với BEGIN trước đó."));
                    continue;
                }

                components.Pop();
                if (component == "VEVENT" && current is not null)
                {
                    ReadEvent(current, rows, errors);
                    current = null;
                }

                continue;
            }

            // Properties of nested components (an alarm inside an event) are not the event's.
            if (current is not null && components.Peek() == "VEVENT")
            {
                current.Properties.Add(new IcsProperty(lineNumber, name, parameters, value));
            }
        }

        if (current is not null)
        {
            errors.Add(new CalendarImportError(current.Line, "VEVENT", "Sự kiện không có END:VEVENT."));
        }

        return Finish(rows, errors, "DTSTART");
    }

    /// <summary>Reads iCalendar from a UTF-8 stream (a byte-order mark is allowed); see <see cref="ParseICalendar(string)"/>.</summary>
    public static CalendarImportResult ParseICalendar(Stream stream) =>
        ReadUtf8(stream) is { } text ? ParseICalendar(text) : NotUtf8();

    private sealed record IcsProperty(int Line, string Name, IReadOnlyDictionary<string, string> Parameters, string Value);

    private sealed record IcsEvent(int Line)
    {
        public List<IcsProperty> Properties { get; } = [];

        public IcsProperty? this[string name] => Properties.FirstOrDefault(p => p.Name == name);
    }

    private static void ReadEvent(IcsEvent item, List<(int Line, CalendarOverride Override)> rows, List<CalendarImportError> errors)
    {
        var errorCount = errors.Count;
        if (item["RRULE"] is { } rule)
        {
            errors.Add(new CalendarImportError(rule.Line, "RRULE", "Không hỗ trợ sự kiện lặp lại (RRULE); hãy liệt kê từng ngày."));
        }

        DateOnly? start = null;
        if (item["DTSTART"] is not { } startProperty)
        {
            errors.Add(new CalendarImportError(item.Line, "DTSTART", "Sự kiện thiếu DTSTART."));
        }
        else
        {
            start = ReadDate(startProperty, errors);
        }

        var days = 1;
        if (item["DTEND"] is { } endProperty && ReadDate(endProperty, errors) is { } end && start is { } first)
        {
            days = end.DayNumber - first.DayNumber;
            if (days < 1)
            {
                errors.Add(new CalendarImportError(endProperty.Line, "DTEND", "DTEND (ngày kết thúc, không tính) phải sau DTSTART."));
            }
            else if (days > MaxEventDays)
            {
                errors.Add(new CalendarImportError(endProperty.Line, "DTEND", $"Sự kiện dài {days} ngày; tối đa {MaxEventDays} ngày."));
            }
        }

        if (errors.Count > errorCount || start is not { } startDate)
        {
            return;
        }

        var summary = item["SUMMARY"];
        var reason = Unescape(summary?.Value ?? "");
        var decreeProperty = item["X-DECREE"] ?? item["DESCRIPTION"];
        var decree = Unescape(decreeProperty?.Value ?? "");
        var isWorkingDay = item.Properties
            .Where(p => p.Name == "CATEGORIES")
            .SelectMany(p => SplitEscaped(p.Value))
            .Any(c => c.Trim().Equals("WORKING-DAY", StringComparison.OrdinalIgnoreCase));
        var kind = isWorkingDay ? CalendarOverrideKind.WorkingDay : CalendarOverrideKind.DayOff;

        // One error per event is enough: every day of the event has the same reason and decree.
        if (TryCreate(startDate, kind, reason, decree, item.Line, "SUMMARY", "X-DECREE", errors) is null)
        {
            return;
        }

        for (var offset = 0; offset < days; offset++)
        {
            rows.Add((item.Line, new CalendarOverride(startDate.AddDays(offset), kind, reason, decree)));
        }
    }

    private static DateOnly? ReadDate(IcsProperty property, List<CalendarImportError> errors)
    {
        var value = property.Value.Trim();
        var declaredDate = property.Parameters.TryGetValue("VALUE", out var type) && type.Equals("DATE", StringComparison.OrdinalIgnoreCase);
        if (value.Contains('T', StringComparison.OrdinalIgnoreCase) || (!declaredDate && value.Length != 8))
        {
            errors.Add(new CalendarImportError(property.Line, property.Name,
                $"Chỉ nhận sự kiện cả ngày ({property.Name};VALUE=DATE:yyyyMMdd), không nhận '{value}'."));
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new CalendarImportError(property.Line, property.Name, $"Ngày '{value}' không hợp lệ; dùng yyyyMMdd."));
            return null;
        }

        return date;
    }

    /// <summary>Builds an override, turning the entity's refusal into an import error on the file's own column name.</summary>
    private static CalendarOverride? TryCreate(
        DateOnly date, CalendarOverrideKind kind, string reason, string decree, int line,
        string reasonField, string decreeField, List<CalendarImportError> errors)
    {
        try
        {
            return new CalendarOverride(date, kind, reason, decree);
        }
        catch (DomainException ex)
        {
            var field = ex.Error.Field switch
            {
                nameof(CalendarOverride.Reason) => reasonField,
                nameof(CalendarOverride.DecreeNumber) => decreeField,
                _ => ex.Error.Field,
            };
            errors.Add(new CalendarImportError(line, field, ex.Error.Message));
            return null;
        }
    }

    private static CalendarImportResult Finish(List<(int Line, CalendarOverride Override)> rows, List<CalendarImportError> errors, string dateField)
    {
        var firstLineOfDate = new Dictionary<DateOnly, int>();
        foreach (var (line, item) in rows)
        {
            if (!firstLineOfDate.TryAdd(item.Date, line))
            {
                errors.Add(new CalendarImportError(line, dateField,
                    $"Ngày {item.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} đã có ở dòng {firstLineOfDate[item.Date]}."));
            }
        }

        return errors.Count > 0
            ? Fail(errors)
            : new CalendarImportResult([.. rows.Select(r => r.Override)], []);
    }

    private static CalendarImportResult Fail(IEnumerable<CalendarImportError> errors) =>
        new([], [.. errors.OrderBy(e => e.Line)]);

    private static string StripByteOrderMark(string text) => text.StartsWith('\uFEFF') ? text[1..] : text;

    /// <summary>The stream's text, or null when it is not valid UTF-8 (e.g. a file saved as Windows-1258).</summary>
    private static string? ReadUtf8(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static CalendarImportResult NotUtf8() =>
        Fail([new CalendarImportError(1, null, "Tệp không phải văn bản UTF-8; hãy lưu lại với mã hóa UTF-8.")]);

    /// <summary>RFC 4180 records with the physical line each starts on. A malformed record is reported and skipped.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> ReadCsvRecords(string text, List<CalendarImportError> errors)
    {
        var line = 1;
        var position = 0;
        while (position < text.Length)
        {
            var startLine = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var inQuotes = false;
            var quotedFieldClosed = false;
            string? problem = null;

            while (position < text.Length)
            {
                var c = text[position];
                if (inQuotes)
                {
                    position++;
                    if (c == '"')
                    {
                        if (position < text.Length && text[position] == '"')
                        {
                            field.Append('"');
                            position++;
                        }
                        else
                        {
                            inQuotes = false;
                            quotedFieldClosed = true;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                    }

                    continue;
                }

                if (c is '\r' or '\n')
                {
                    break;
                }

                position++;
                if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    quotedFieldClosed = false;
                }
                else if (c == '"' && field.Length == 0 && !quotedFieldClosed)
                {
                    inQuotes = true;
                }
                else if (quotedFieldClosed)
                {
                    problem ??= "Sau dấu ngoặc kép đóng phải là dấu phẩy hoặc xuống dòng.";
                }
                else if (c == '"')
                {
                    problem ??= "Dấu ngoặc kép chỉ được dùng để bao cả trường.";
                }
                else
                {
                    field.Append(c);
                }
            }

            if (inQuotes)
            {
                problem = "Trường mở dấu ngoặc kép nhưng không đóng.";
            }

            fields.Add(field.ToString());

            // Consume the line break that ended the record (\r\n, \n or a lone \r).
            if (position < text.Length && text[position] == '\r')
            {
                position++;
            }

            if (position < text.Length && text[position] == '\n')
            {
                position++;
            }

            line++;

            if (problem is not null)
            {
                errors.Add(new CalendarImportError(startLine, null, problem));
                continue;
            }

            yield return (startLine, fields);
        }
    }

    /// <summary>Logical content lines with the physical line each starts on: a line beginning with a space or tab continues the previous one.</summary>
    private static List<(int Line, string Text)> UnfoldICalendar(string text)
    {
        var physical = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var logical = new List<(int Line, StringBuilder Text)>();
        for (var i = 0; i < physical.Length; i++)
        {
            var content = physical[i];
            if (content.Length > 0 && content[0] is ' ' or '\t' && logical.Count > 0)
            {
                logical[^1].Text.Append(content, 1, content.Length - 1);
            }
            else if (content.Length > 0)
            {
                logical.Add((i + 1, new StringBuilder(content)));
            }
        }

        return [.. logical.Select(l => (l.Line, l.Text.ToString()))];
    }

    /// <summary>Splits <c>NAME;PARAM=value;PARAM="quoted:value":VALUE</c>; names and parameter names upper-cased.</summary>
    private static bool TryParseContentLine(string line, out string name, out Dictionary<string, string> parameters, out string value)
    {
        parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        name = "";
        value = "";

        var inQuotes = false;
        var colon = -1;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (line[i] == ':' && !inQuotes)
            {
                colon = i;
                break;
            }
        }

        if (colon <= 0)
        {
            return false;
        }

        var head = line[..colon].Split(';');
        name = head[0].Trim().ToUpperInvariant();
        foreach (var parameter in head.Skip(1))
        {
            var equals = parameter.IndexOf('=');
            if (equals > 0)
            {
                parameters[parameter[..equals].Trim()] = parameter[(equals + 1)..].Trim().Trim('"');
            }
        }

        value = line[(colon + 1)..];
        return name.Length > 0;
    }

    /// <summary>Undoes iCalendar TEXT escaping: \n, \N, \, \; and \\.</summary>
    private static string Unescape(string value)
    {
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                result.Append(value[i] is 'n' or 'N' ? '\n' : value[i]);
            }
            else
            {
                result.Append(value[i]);
            }
        }

        return result.ToString();
    }

    /// <summary>The comma-separated values of a multi-valued TEXT property, ignoring escaped commas.</summary>
    private static IEnumerable<string> SplitEscaped(string value)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
            }
            else if (value[i] == ',')
            {
                yield return Unescape(value[start..i]);
                start = i + 1;
            }
        }

        yield return Unescape(value[start..]);
    }
}
