using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Calendar;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using Col = PublicService.Domain.Catalog.CatalogWorkbook.Col;

namespace PublicService.Domain.Catalog;

/// <summary>What an import did, or would do in a dry run: procedure codes created, updated (a new draft or the
/// draft's content replaced) and left alone; or, when <see cref="Errors"/> is not empty, nothing at all.</summary>
public sealed record CatalogImportReport(
    IReadOnlyList<string> Created,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<CatalogImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static CatalogImportReport Failed(IReadOnlyList<CatalogImportError> errors) => new([], [], [], errors);
}

/// <summary>
/// Exports the catalog's procedures (the latest version of each, draft included) to a <see cref="CatalogWorkbook"/>
/// and imports one back. Import is all-or-nothing: every error of the file is collected (sheet, row, column, reason)
/// and, if there is any, nothing is written; otherwise new codes become procedures with a draft version 1, codes whose
/// content differs get a new draft (or their draft replaced), and identical ones are left alone — all in one
/// transaction. Agencies, fields and levels are referenced by code and must already exist.
/// </summary>
public sealed partial class CatalogTransfer(IDbContextFactory<PublicServiceDbContext> dbFactory)
{
    private static readonly CultureInfo _invariant = CultureInfo.InvariantCulture;

    /// <summary>The whole catalog, procedures ordered by code.</summary>
    public async Task<CatalogWorkbook> ExportAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await ReferenceCodes.LoadAsync(db, ct);
        var procedures = await db.Procedures.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
        var workbook = new CatalogWorkbook();
        foreach (var (sheet, _) in CatalogWorkbook.Layout)
        {
            workbook.AddSheet(sheet);
        }

        foreach (var procedure in procedures)
        {
            foreach (var (sheet, cells) in RowsOf(procedure.Code, Latest(procedure).ToContent(), names))
            {
                workbook.Add(sheet, new CatalogRow(workbook.Rows(sheet).Count + 1, cells));
            }
        }

        return workbook;
    }

    /// <summary>
    /// Reads <paramref name="workbook"/> and, unless <paramref name="dryRun"/>, applies it in one transaction. The
    /// report lists every error (then nothing is written) or the codes created, updated and unchanged.
    /// </summary>
    public async Task<CatalogImportReport> ImportAsync(CatalogWorkbook workbook, bool dryRun, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await ReferenceCodes.LoadAsync(db, ct);
        var (read, errors) = Read(workbook, names);
        if (errors.Count > 0)
        {
            return CatalogImportReport.Failed(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var codes = read.Select(p => p.Code).ToList();
        var existing = await db.Procedures.Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
        List<string> created = [], updated = [], unchanged = [];
        foreach (var item in read)
        {
            if (!existing.TryGetValue(item.Code, out var procedure))
            {
                db.Procedures.Add(Procedure.Create(item.Code, item.Content));
                created.Add(item.Code);
            }
            else if (SameContent(item.Code, Latest(procedure).ToContent(), item.Content, names))
            {
                unchanged.Add(item.Code);
            }
            else
            {
                if (procedure.Draft is null)
                {
                    procedure.CreateDraftFromLatest();
                }

                procedure.UpdateDraft(item.Content);
                updated.Add(item.Code);
            }
        }

        if (!dryRun)
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return new CatalogImportReport(created, updated, unchanged, []);
    }

    private static ProcedureVersion Latest(Procedure procedure) => procedure.Versions.MaxBy(v => v.Number)!;

    // Content records hold lists, which compare by reference; the exported cells are the content as the file sees it.
    private static bool SameContent(string code, ProcedureContent stored, ProcedureContent imported, ReferenceCodes names) =>
        Serialize(RowsOf(code, stored, names)) == Serialize(RowsOf(code, imported, names));

    private static string Serialize(List<(string Sheet, Dictionary<string, string> Cells)> rows) =>
        JsonSerializer.Serialize(rows.Select(r => new { r.Sheet, r.Cells }));

    private static List<(string Sheet, Dictionary<string, string> Cells)> RowsOf(string code, ProcedureContent content, ReferenceCodes names)
    {
        var rows = new List<(string, Dictionary<string, string>)>
        {
            (CatalogWorkbook.ProceduresSheet, new()
            {
                [Col.Code] = code,
                [Col.DecisionNumber] = content.DecisionNumber,
                [Col.Name] = content.Name,
                [Col.FieldCode] = names.Field(content.FieldId),
                [Col.LevelCodes] = string.Join("; ", content.LevelIds.Select(names.Level)),
                [Col.Kind] = Words.Kind[content.Kind],
                [Col.ProcedureType] = content.ProcedureType,
                [Col.DecidingAgency] = content.DecidingAgency,
                [Col.ImplementingAgency] = names.Agency(content.ImplementingAgencyId),
                [Col.CooperatingAgencies] = string.Join("; ", content.CooperatingAgencyIds.Select(names.Agency)),
                [Col.ReceivingPlace] = content.ReceivingPlace,
                [Col.Result] = content.ResultName,
                [Col.Conditions] = content.Conditions,
                [Col.SupplementMode] = Words.Supplement[content.SupplementMode],
                [Col.AlertMinutes] = content.AlertOverride?.RemainingWorkingMinutes?.ToString(_invariant) ?? "",
                [Col.AlertPercent] = content.AlertOverride?.UsedPercent?.ToString(_invariant) ?? "",
            }),
        };
        foreach (var @case in content.Cases)
        {
            foreach (var term in @case.Channels)
            {
                rows.Add((CatalogWorkbook.CasesSheet, new()
                {
                    [Col.Code] = code, [Col.CaseCode] = @case.Code, [Col.CaseName] = @case.Name,
                    [Col.Channel] = Words.Channel[term.Channel], [Col.TimeAmount] = term.Time.Amount.ToString(_invariant),
                    [Col.TimeUnit] = Words.Unit[term.Time.Unit], [Col.TimeText] = term.TimeText,
                }));
            }

            foreach (var document in @case.Documents)
            {
                rows.Add((CatalogWorkbook.DocumentsSheet, new()
                {
                    [Col.Code] = code, [Col.CaseCode] = @case.Code, [Col.DocumentName] = document.Name,
                    [Col.Template] = document.TemplateName ?? "", [Col.Originals] = document.Originals.ToString(_invariant),
                    [Col.Copies] = document.Copies.ToString(_invariant), [Col.Requirement] = Words.Requirement[document.Requirement],
                }));
            }

            foreach (var term in @case.Channels)
            {
                foreach (var fee in term.Fees)
                {
                    rows.Add((CatalogWorkbook.FeesSheet, new()
                    {
                        [Col.Code] = code, [Col.CaseCode] = @case.Code, [Col.Channel] = Words.Channel[term.Channel],
                        [Col.FeeName] = fee.Name, [Col.FeeAmount] = fee.Amount.ToString(_invariant), [Col.FeeNote] = fee.Note ?? "",
                    }));
                }
            }

            foreach (var step in @case.Steps)
            {
                rows.Add((CatalogWorkbook.StepsSheet, new()
                {
                    [Col.Code] = code, [Col.CaseCode] = @case.Code, [Col.StepOrder] = step.Order.ToString(_invariant),
                    [Col.StepName] = step.Name, [Col.StepAgency] = names.Agency(step.AgencyId),
                    [Col.TimeAmount] = step.Share.Amount.ToString(_invariant), [Col.TimeUnit] = Words.Unit[step.Share.Unit],
                }));
            }
        }

        foreach (var basis in content.LegalBases)
        {
            rows.Add((CatalogWorkbook.LegalSheet, new()
            {
                [Col.Code] = code, [Col.LegalNumber] = basis.Number, [Col.LegalTitle] = basis.Title,
                [Col.LegalDate] = basis.IssuedOn?.ToString("dd/MM/yyyy", _invariant) ?? "", [Col.LegalIssuer] = basis.Issuer,
            }));
        }

        return rows;
    }

    private sealed record ImportedProcedure(string Code, ProcedureContent Content);

    /// <summary>Where each part of a procedure came from, to point a content rule's refusal at its row.</summary>
    private sealed class Source(string code, CatalogRow row)
    {
        public string Code { get; } = code;
        public CatalogRow Row { get; } = row;
        public ProcedureContent? Head { get; set; }
        public List<CaseSource> Cases { get; } = [];
        public List<(CatalogRow Row, LegalBasis Basis)> Legal { get; } = [];
        public bool Broken { get; set; }
    }

    private sealed class CaseSource(string code, string name, CatalogRow row)
    {
        public string Code { get; } = code;
        public string Name { get; } = name;
        public CatalogRow Row { get; } = row;
        public List<(CatalogRow Row, Channel Channel, ProcessingTime Time, string Text, List<(CatalogRow Row, Fee Fee)> Fees)> Channels { get; } = [];
        public List<(CatalogRow Row, RequiredDocument Document)> Documents { get; } = [];
        public List<(CatalogRow Row, ProcedureStep Step)> Steps { get; } = [];
    }

    private static (List<ImportedProcedure> Procedures, List<CatalogImportError> Errors) Read(CatalogWorkbook workbook, ReferenceCodes names)
    {
        var errors = new List<CatalogImportError>();
        foreach (var (sheet, columns) in CatalogWorkbook.Layout)
        {
            if (!workbook.SheetNames.Contains(sheet))
            {
                errors.Add(new CatalogImportError(sheet, null, null, "Thiếu trang này trong tệp."));
                continue;
            }

            foreach (var unknown in workbook.Rows(sheet).SelectMany(r => r.Cells.Where(c => c.Value.Trim().Length > 0).Select(c => c.Key))
                         .Distinct().Where(c => !columns.Contains(c)))
            {
                errors.Add(new CatalogImportError(sheet, null, unknown, "Cột không được hỗ trợ; xem danh sách cột trong README."));
            }
        }

        foreach (var sheet in workbook.SheetNames.Where(s => CatalogWorkbook.Layout.All(l => l.Sheet != s)))
        {
            errors.Add(new CatalogImportError(sheet, null, null, "Trang không được hỗ trợ."));
        }

        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var cells = new CellReader(errors);
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        var ordered = new List<Source>();
        foreach (var row in workbook.Rows(CatalogWorkbook.ProceduresSheet))
        {
            const string sheet = CatalogWorkbook.ProceduresSheet;
            var code = cells.Code(sheet, row);
            if (code is null)
            {
                continue;
            }

            if (sources.ContainsKey(code))
            {
                errors.Add(new CatalogImportError(sheet, row.Number, Col.Code, $"Mã thủ tục {code} xuất hiện nhiều lần."));
                continue;
            }

            var source = new Source(code, row);
            sources[code] = source;
            ordered.Add(source);
            var before = errors.Count;
            var fieldId = cells.Reference(sheet, row, Col.FieldCode, names.FieldIds, "lĩnh vực");
            var levelIds = cells.References(sheet, row, Col.LevelCodes, names.LevelIds, "cấp thực hiện");
            var agencyId = cells.Reference(sheet, row, Col.ImplementingAgency, names.AgencyIds, "cơ quan");
            var cooperating = cells.References(sheet, row, Col.CooperatingAgencies, names.AgencyIds, "cơ quan");
            var kind = cells.Word(sheet, row, Col.Kind, Words.Kind);
            var supplement = cells.Word(sheet, row, Col.SupplementMode, Words.Supplement);
            var minutes = cells.OptionalInt(sheet, row, Col.AlertMinutes);
            var percent = cells.OptionalInt(sheet, row, Col.AlertPercent);
            if (errors.Count > before)
            {
                source.Broken = true;
                continue;
            }

            source.Head = new ProcedureContent
            {
                DecisionNumber = row[Col.DecisionNumber],
                Name = row[Col.Name],
                FieldId = fieldId,
                LevelIds = levelIds,
                Kind = kind,
                ProcedureType = row[Col.ProcedureType],
                DecidingAgency = row[Col.DecidingAgency],
                ImplementingAgencyId = agencyId,
                CooperatingAgencyIds = cooperating,
                ReceivingPlace = row[Col.ReceivingPlace],
                ResultName = row[Col.Result],
                Conditions = row[Col.Conditions],
                SupplementMode = supplement,
                AlertOverride = minutes is null && percent is null ? null : new AlertThresholds(minutes, percent),
                Cases = [],
            };
        }

        var orphans = new HashSet<(string, string)>();
        Source? Owner(string sheet, CatalogRow row)
        {
            var code = cells.Code(sheet, row);
            if (code is null)
            {
                return null;
            }

            if (!sources.TryGetValue(code, out var source))
            {
                // One error per sheet and code: a mistyped code on the procedures sheet orphans all its rows at once.
                if (orphans.Add((sheet, code)))
                {
                    var rows = workbook.Rows(sheet).Where(r => string.Equals(r[Col.Code], code, StringComparison.OrdinalIgnoreCase)).Select(r => r.Number).ToList();
                    errors.Add(new CatalogImportError(sheet, row.Number, Col.Code,
                        $"Mã thủ tục {code} không có trên trang \"{CatalogWorkbook.ProceduresSheet}\""
                        + (rows.Count > 1 ? $" (các dòng {string.Join(", ", rows)})." : ".")));
                }

                return null;
            }

            return source;
        }

        CaseSource? CaseOf(string sheet, CatalogRow row, Source source)
        {
            var caseCode = row[Col.CaseCode].ToLowerInvariant();
            var found = source.Cases.FirstOrDefault(c => c.Code == caseCode);
            if (found is null)
            {
                errors.Add(new CatalogImportError(sheet, row.Number, Col.CaseCode,
                    $"Trường hợp \"{row[Col.CaseCode]}\" của thủ tục {source.Code} không có trên trang \"{CatalogWorkbook.CasesSheet}\"."));
                source.Broken = true;
            }

            return found;
        }

        foreach (var row in workbook.Rows(CatalogWorkbook.CasesSheet))
        {
            const string sheet = CatalogWorkbook.CasesSheet;
            if (Owner(sheet, row) is not { } source)
            {
                continue;
            }

            var before = errors.Count;
            var channel = cells.Word(sheet, row, Col.Channel, Words.Channel);
            var time = cells.Time(sheet, row, Col.TimeAmount, Col.TimeUnit);
            if (errors.Count > before || time is null)
            {
                source.Broken = true;
                continue;
            }

            var caseCode = row[Col.CaseCode].ToLowerInvariant();
            var @case = source.Cases.FirstOrDefault(c => c.Code == caseCode);
            if (@case is null)
            {
                @case = new CaseSource(caseCode, row[Col.CaseName], row);
                source.Cases.Add(@case);
            }
            else if (@case.Name != row[Col.CaseName])
            {
                errors.Add(new CatalogImportError(sheet, row.Number, Col.CaseName,
                    $"Tên trường hợp khác với dòng {@case.Row.Number} (\"{@case.Name}\") của cùng trường hợp."));
                source.Broken = true;
                continue;
            }

            @case.Channels.Add((row, channel, time, row[Col.TimeText], []));
        }

        foreach (var row in workbook.Rows(CatalogWorkbook.DocumentsSheet))
        {
            const string sheet = CatalogWorkbook.DocumentsSheet;
            if (Owner(sheet, row) is not { } source || CaseOf(sheet, row, source) is not { } @case)
            {
                continue;
            }

            var before = errors.Count;
            var originals = cells.Int(sheet, row, Col.Originals);
            var copies = cells.Int(sheet, row, Col.Copies);
            var requirement = cells.Word(sheet, row, Col.Requirement, Words.Requirement);
            if (errors.Count > before)
            {
                source.Broken = true;
                continue;
            }

            @case.Documents.Add((row, new RequiredDocument(row[Col.DocumentName], row[Col.Template], originals, copies, requirement)));
        }

        foreach (var row in workbook.Rows(CatalogWorkbook.FeesSheet))
        {
            const string sheet = CatalogWorkbook.FeesSheet;
            if (Owner(sheet, row) is not { } source || CaseOf(sheet, row, source) is not { } @case)
            {
                continue;
            }

            var before = errors.Count;
            var channel = cells.Word(sheet, row, Col.Channel, Words.Channel);
            var amount = cells.Long(sheet, row, Col.FeeAmount);
            if (errors.Count > before)
            {
                source.Broken = true;
                continue;
            }

            var term = @case.Channels.FirstOrDefault(c => c.Channel == channel);
            if (term.Fees is null)
            {
                errors.Add(new CatalogImportError(sheet, row.Number, Col.Channel,
                    $"Trường hợp \"{@case.Code}\" của thủ tục {source.Code} không khai báo cách thức \"{row[Col.Channel]}\" trên trang \"{CatalogWorkbook.CasesSheet}\"."));
                source.Broken = true;
                continue;
            }

            term.Fees.Add((row, new Fee(row[Col.FeeName], amount, row[Col.FeeNote])));
        }

        foreach (var row in workbook.Rows(CatalogWorkbook.StepsSheet))
        {
            const string sheet = CatalogWorkbook.StepsSheet;
            if (Owner(sheet, row) is not { } source || CaseOf(sheet, row, source) is not { } @case)
            {
                continue;
            }

            var before = errors.Count;
            var order = cells.Int(sheet, row, Col.StepOrder);
            var agency = cells.Reference(sheet, row, Col.StepAgency, names.AgencyIds, "cơ quan");
            var time = cells.Time(sheet, row, Col.TimeAmount, Col.TimeUnit);
            if (errors.Count > before || time is null)
            {
                source.Broken = true;
                continue;
            }

            @case.Steps.Add((row, new ProcedureStep(order, row[Col.StepName], agency, time)));
        }

        foreach (var row in workbook.Rows(CatalogWorkbook.LegalSheet))
        {
            const string sheet = CatalogWorkbook.LegalSheet;
            if (Owner(sheet, row) is not { } source)
            {
                continue;
            }

            var dateText = row[Col.LegalDate];
            DateOnly? issued = null;
            if (dateText.Length > 0)
            {
                if (!DateOnly.TryParseExact(dateText, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], _invariant, DateTimeStyles.None, out var date))
                {
                    errors.Add(new CatalogImportError(sheet, row.Number, Col.LegalDate, $"Ngày \"{dateText}\" không hợp lệ; dùng dd/MM/yyyy."));
                    source.Broken = true;
                    continue;
                }

                issued = date;
            }

            source.Legal.Add((row, new LegalBasis(row[Col.LegalNumber], row[Col.LegalTitle], issued, row[Col.LegalIssuer])));
        }

        var procedures = new List<ImportedProcedure>();
        foreach (var source in ordered.Where(s => !s.Broken && s.Head is not null))
        {
            // Steps are ordered by the file's order column; ProcedureCase sorts them, and Validate checks 1..n.
            var content = source.Head! with
            {
                Cases = [.. source.Cases.Select(c => new ProcedureCase(
                    c.Code, c.Name,
                    c.Channels.Select(t => new ChannelTerm(t.Channel, t.Time, t.Text, t.Fees.Select(f => f.Fee))),
                    c.Documents.Select(d => d.Document),
                    c.Steps.Select(s => s.Step)))],
                LegalBases = [.. source.Legal.Select(l => l.Basis)],
            };
            try
            {
                procedures.Add(new ImportedProcedure(source.Code, content.Validate()));
            }
            catch (DomainException e)
            {
                errors.Add(Locate(source, e.Error));
            }
        }

        return (procedures, errors);
    }

    /// <summary>Turns a content rule's field path (<c>Cases[0].Documents[1].Name</c>) into the row and column it came from.</summary>
    private static CatalogImportError Locate(Source source, DomainError error)
    {
        var field = error.Field ?? "";
        string sheet = CatalogWorkbook.ProceduresSheet;
        int? row = source.Row.Number;
        string? column = MainColumns.GetValueOrDefault(field) ?? MainColumns.GetValueOrDefault(field.Split('.', '[')[0]);
        var match = FieldPath().Match(field);
        if (match.Success && match.Groups["case"].Success && int.Parse(match.Groups["case"].Value, _invariant) is var c && c < source.Cases.Count)
        {
            var @case = source.Cases[c];
            var index = match.Groups["index"].Success ? int.Parse(match.Groups["index"].Value, _invariant) : -1;
            var fee = match.Groups["fee"].Success ? int.Parse(match.Groups["fee"].Value, _invariant) : -1;
            var property = match.Groups["property"].Value;
            (sheet, row, column) = match.Groups["part"].Value switch
            {
                "Channels" when index >= 0 && index < @case.Channels.Count && fee >= 0 && fee < @case.Channels[index].Fees.Count =>
                    (CatalogWorkbook.FeesSheet, @case.Channels[index].Fees[fee].Row.Number, property switch { "Amount" => Col.FeeAmount, "Note" => Col.FeeNote, _ => Col.FeeName }),
                "Channels" when index >= 0 && index < @case.Channels.Count =>
                    (CatalogWorkbook.CasesSheet, @case.Channels[index].Row.Number, property == "TimeText" ? Col.TimeText : property == "Channel" ? Col.Channel : Col.TimeAmount),
                "Documents" when index >= 0 && index < @case.Documents.Count =>
                    (CatalogWorkbook.DocumentsSheet, @case.Documents[index].Row.Number, property switch { "Name" => Col.DocumentName, "TemplateName" => Col.Template, "Originals" => Col.Originals, "Requirement" => Col.Requirement, _ => null }),
                "Steps" when index >= 0 && index < @case.Steps.Count =>
                    (CatalogWorkbook.StepsSheet, @case.Steps[index].Row.Number, property switch { "Name" => Col.StepName, "Order" => Col.StepOrder, "AgencyId" => Col.StepAgency, "Share" => Col.TimeAmount, _ => null }),
                "Steps" when @case.Steps.Count > 0 => (CatalogWorkbook.StepsSheet, @case.Steps[0].Row.Number, null),
                _ => (CatalogWorkbook.CasesSheet, @case.Row.Number, property == "Code" ? Col.CaseCode : property == "Name" ? Col.CaseName : null),
            };
        }
        else if (LegalPath().Match(field) is { Success: true } legal && int.Parse(legal.Groups[1].Value, _invariant) is var l && l < source.Legal.Count)
        {
            (sheet, row, column) = (CatalogWorkbook.LegalSheet, source.Legal[l].Row.Number,
                legal.Groups[2].Value switch { "Number" => Col.LegalNumber, "Title" => Col.LegalTitle, "Issuer" => Col.LegalIssuer, _ => null });
        }
        else if (field == nameof(ProcedureContent.Cases))
        {
            (sheet, row, column) = (CatalogWorkbook.CasesSheet, null, null);
        }

        return new CatalogImportError(sheet, row, column, $"Thủ tục {source.Code}: {error.Message}");
    }

    private static readonly Dictionary<string, string> MainColumns = new()
    {
        [nameof(ProcedureContent.DecisionNumber)] = Col.DecisionNumber,
        [nameof(ProcedureContent.Name)] = Col.Name,
        [nameof(ProcedureContent.FieldId)] = Col.FieldCode,
        [nameof(ProcedureContent.LevelIds)] = Col.LevelCodes,
        [nameof(ProcedureContent.Kind)] = Col.Kind,
        [nameof(ProcedureContent.ProcedureType)] = Col.ProcedureType,
        [nameof(ProcedureContent.DecidingAgency)] = Col.DecidingAgency,
        [nameof(ProcedureContent.ImplementingAgencyId)] = Col.ImplementingAgency,
        [nameof(ProcedureContent.CooperatingAgencyIds)] = Col.CooperatingAgencies,
        [nameof(ProcedureContent.ReceivingPlace)] = Col.ReceivingPlace,
        [nameof(ProcedureContent.ResultName)] = Col.Result,
        [nameof(ProcedureContent.Conditions)] = Col.Conditions,
        [nameof(ProcedureContent.SupplementMode)] = Col.SupplementMode,
        [nameof(ProcedureContent.AlertOverride)] = Col.AlertMinutes,
        [$"{nameof(ProcedureContent.AlertOverride)}.{nameof(AlertThresholds.RemainingWorkingMinutes)}"] = Col.AlertMinutes,
        [$"{nameof(ProcedureContent.AlertOverride)}.{nameof(AlertThresholds.UsedPercent)}"] = Col.AlertPercent,
        ["Code"] = Col.Code,
    };

    [GeneratedRegex(@"^Cases\[(?<case>\d+)\](\.(?<part>Channels|Documents|Steps)(\[(?<index>\d+)\])?(\.Fees\[(?<fee>\d+)\])?(\.(?<property>\w+))?)?(\.(?<property>\w+))?")]
    private static partial Regex FieldPath();

    [GeneratedRegex(@"^LegalBases\[(\d+)\]\.?(\w*)")]
    private static partial Regex LegalPath();

    /// <summary>The Vietnamese words the files use for enumerations; reading folds diacritics and case.</summary>
    private static class Words
    {
        public static readonly Dictionary<ProcedureKind, string> Kind = new()
        {
            [ProcedureKind.OneStop] = "Một cửa",
            [ProcedureKind.Interconnected] = "Liên thông",
        };

        public static readonly Dictionary<SupplementClockMode, string> Supplement = new()
        {
            [SupplementClockMode.Pause] = "Tạm dừng",
            [SupplementClockMode.Restart] = "Tính lại từ đầu",
        };

        public static readonly Dictionary<Channel, string> Channel = new()
        {
            [Catalog.Channel.InPerson] = "Trực tiếp",
            [Catalog.Channel.Online] = "Trực tuyến",
            [Catalog.Channel.Post] = "Bưu chính công ích",
        };

        public static readonly Dictionary<TimeUnit, string> Unit = new()
        {
            [TimeUnit.WorkingDays] = "ngày làm việc",
            [TimeUnit.WorkingHours] = "giờ làm việc",
            [TimeUnit.CalendarDays] = "ngày",
            [TimeUnit.SameDay] = "trong ngày",
        };

        public static readonly Dictionary<DocumentRequirement, string> Requirement = new()
        {
            [DocumentRequirement.Required] = "Bắt buộc",
            [DocumentRequirement.Conditional] = "Tùy trường hợp",
        };
    }

    /// <summary>Reads typed values from cells, adding one error per bad cell and returning a placeholder.</summary>
    private sealed class CellReader(List<CatalogImportError> errors)
    {
        public string? Code(string sheet, CatalogRow row)
        {
            try
            {
                return ProcedureCode.Parse(row[Col.Code]).Value;
            }
            catch (DomainException e)
            {
                errors.Add(new CatalogImportError(sheet, row.Number, Col.Code, e.Error.Message));
                return null;
            }
        }

        public T Word<T>(string sheet, CatalogRow row, string column, Dictionary<T, string> words) where T : struct, Enum
        {
            var text = row[column];
            foreach (var (value, word) in words)
            {
                if (VietnameseText.Fold(word) == VietnameseText.Fold(text))
                {
                    return value;
                }
            }

            errors.Add(new CatalogImportError(sheet, row.Number, column,
                $"Giá trị \"{text}\" không hợp lệ; dùng một trong: {string.Join(", ", words.Values.Select(w => $"\"{w}\""))}."));
            return default;
        }

        public int Int(string sheet, CatalogRow row, string column) =>
            OptionalInt(sheet, row, column) ?? Missing(sheet, row, column);

        public int? OptionalInt(string sheet, CatalogRow row, string column)
        {
            var text = row[column];
            if (text.Length == 0)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.Integer, _invariant, out var value) && value >= 0)
            {
                return value;
            }

            errors.Add(new CatalogImportError(sheet, row.Number, column, $"\"{text}\" không phải số nguyên không âm."));
            return 0;
        }

        public long Long(string sheet, CatalogRow row, string column)
        {
            var text = row[column];
            if (long.TryParse(text, NumberStyles.Integer, _invariant, out var value) && value >= 0)
            {
                return value;
            }

            errors.Add(new CatalogImportError(sheet, row.Number, column,
                text.Length == 0 ? "Chưa có số tiền (ghi 0 nếu miễn phí)." : $"\"{text}\" không phải số tiền hợp lệ (số nguyên đồng, không âm)."));
            return 0;
        }

        public ProcessingTime? Time(string sheet, CatalogRow row, string amountColumn, string unitColumn)
        {
            var before = errors.Count;
            var unit = Word(sheet, row, unitColumn, Words.Unit);
            var amount = unit == TimeUnit.SameDay && row[amountColumn].Length == 0 ? 0 : Int(sheet, row, amountColumn);
            return errors.Count > before ? null : new ProcessingTime(amount, unit);
        }

        public int Reference(string sheet, CatalogRow row, string column, IReadOnlyDictionary<string, int> ids, string label)
        {
            var code = row[column].ToUpperInvariant();
            if (code.Length == 0)
            {
                return Missing(sheet, row, column);
            }

            if (ids.TryGetValue(code, out var id))
            {
                return id;
            }

            errors.Add(new CatalogImportError(sheet, row.Number, column, $"Không có {label} mã \"{row[column]}\" trong danh mục."));
            return 0;
        }

        public List<int> References(string sheet, CatalogRow row, string column, IReadOnlyDictionary<string, int> ids, string label)
        {
            var result = new List<int>();
            foreach (var code in row[column].Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (ids.TryGetValue(code.ToUpperInvariant(), out var id))
                {
                    result.Add(id);
                }
                else
                {
                    errors.Add(new CatalogImportError(sheet, row.Number, column, $"Không có {label} mã \"{code}\" trong danh mục."));
                }
            }

            return result;
        }

        private int Missing(string sheet, CatalogRow row, string column)
        {
            errors.Add(new CatalogImportError(sheet, row.Number, column, "Ô này không được để trống."));
            return 0;
        }
    }

    /// <summary>Codes of agencies, fields and levels both ways: files carry codes, content carries ids.</summary>
    private sealed class ReferenceCodes
    {
        public required Dictionary<string, int> AgencyIds { get; init; }
        public required Dictionary<string, int> FieldIds { get; init; }
        public required Dictionary<string, int> LevelIds { get; init; }
        private Dictionary<int, string> Agencies => field ??= AgencyIds.ToDictionary(p => p.Value, p => p.Key);
        private Dictionary<int, string> Fields => field ??= FieldIds.ToDictionary(p => p.Value, p => p.Key);
        private Dictionary<int, string> Levels => field ??= LevelIds.ToDictionary(p => p.Value, p => p.Key);

        public string Agency(int id) => Agencies.GetValueOrDefault(id, "");
        public string Field(int id) => Fields.GetValueOrDefault(id, "");
        public string Level(int id) => Levels.GetValueOrDefault(id, "");

        public static async Task<ReferenceCodes> LoadAsync(PublicServiceDbContext db, CancellationToken ct) => new()
        {
            AgencyIds = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, StringComparer.OrdinalIgnoreCase, ct),
            FieldIds = await db.Fields.AsNoTracking().ToDictionaryAsync(f => f.Code, f => f.Id, StringComparer.OrdinalIgnoreCase, ct),
            LevelIds = await db.Levels.AsNoTracking().ToDictionaryAsync(l => l.Code, l => l.Id, StringComparer.OrdinalIgnoreCase, ct),
        };
    }
}
