using System.Text.Json;

namespace PublicService.Domain.Catalog;

/// <summary>
/// One refused part of a catalog file: the sheet, the 1-based row as the user sees it (the spreadsheet row, or the
/// position in the JSON array), the column header, and why, in Vietnamese. Row and column are null when the error
/// concerns the whole file or sheet.
/// </summary>
public sealed record CatalogImportError(string Sheet, int? Row, string? Column, string Reason)
{
    public override string ToString() =>
        $"Trang \"{Sheet}\""
        + (Row is null ? "" : $", dòng {Row}")
        + (Column is null ? "" : $", cột \"{Column}\"")
        + $": {Reason}";
}

/// <summary>A row of a catalog sheet: the number the user sees and its cells by column header (empty cells omitted or "").</summary>
public sealed record CatalogRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var value) ? value.Trim() : "";
}

/// <summary>
/// The catalog as sheets of text cells with Vietnamese headers: the one shape both file formats map to, so the
/// rules of reading a catalog live once in <see cref="CatalogTransfer"/> and a format only moves cells.
/// </summary>
public sealed class CatalogWorkbook
{
    public const string ProceduresSheet = "Thủ tục";
    public const string CasesSheet = "Trường hợp";
    public const string DocumentsSheet = "Thành phần hồ sơ";
    public const string FeesSheet = "Phí, lệ phí";
    public const string StepsSheet = "Các bước";
    public const string LegalSheet = "Căn cứ pháp lý";

    /// <summary>The sheets and their columns, in file order.</summary>
    public static IReadOnlyList<(string Sheet, IReadOnlyList<string> Columns)> Layout { get; } =
    [
        (ProceduresSheet, [
            Col.Code, Col.DecisionNumber, Col.Name, Col.FieldCode, Col.LevelCodes, Col.Kind, Col.ProcedureType,
            Col.DecidingAgency, Col.ImplementingAgency, Col.CooperatingAgencies, Col.ReceivingPlace, Col.Result,
            Col.Conditions, Col.SupplementMode, Col.AlertMinutes, Col.AlertPercent,
        ]),
        (CasesSheet, [Col.Code, Col.CaseCode, Col.CaseName, Col.Channel, Col.TimeAmount, Col.TimeUnit, Col.TimeText]),
        (DocumentsSheet, [Col.Code, Col.CaseCode, Col.DocumentName, Col.Template, Col.Originals, Col.Copies, Col.Requirement]),
        (FeesSheet, [Col.Code, Col.CaseCode, Col.Channel, Col.FeeName, Col.FeeAmount, Col.FeeNote]),
        (StepsSheet, [Col.Code, Col.CaseCode, Col.StepOrder, Col.StepName, Col.StepAgency, Col.TimeAmount, Col.TimeUnit]),
        (LegalSheet, [Col.Code, Col.LegalNumber, Col.LegalTitle, Col.LegalDate, Col.LegalIssuer]),
    ];

    private readonly Dictionary<string, List<CatalogRow>> _sheets = new(StringComparer.Ordinal);

    /// <summary>The rows of <paramref name="sheet"/>; empty when the file has none.</summary>
    public IReadOnlyList<CatalogRow> Rows(string sheet) => _sheets.TryGetValue(sheet, out var rows) ? rows : [];

    /// <summary>The sheet names the file carried, in its order.</summary>
    public IReadOnlyCollection<string> SheetNames => _sheets.Keys;

    /// <summary>Adds a sheet (possibly empty), so a missing sheet can be told from an empty one.</summary>
    public void AddSheet(string sheet) => _sheets.TryAdd(sheet, []);

    public void Add(string sheet, CatalogRow row)
    {
        AddSheet(sheet);
        _sheets[sheet].Add(row);
    }

    /// <summary>The JSON form: an object of sheet name → array of row objects keyed by column header.</summary>
    public void WriteJson(Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            // Vietnamese text stays readable in the file rather than \u-escaped.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        writer.WriteStartObject();
        foreach (var (sheet, columns) in Layout)
        {
            writer.WriteStartArray(sheet);
            foreach (var row in Rows(sheet))
            {
                writer.WriteStartObject();
                foreach (var column in columns)
                {
                    writer.WriteString(column, row[column]);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads the JSON form; a malformed file gives errors instead of a workbook.</summary>
    public static (CatalogWorkbook? Workbook, IReadOnlyList<CatalogImportError> Errors) ReadJson(Stream stream)
    {
        const string file = "JSON";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return (null, [new CatalogImportError(file, (int?)e.LineNumber + 1, null, "Tệp JSON không đúng cú pháp.")]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, [new CatalogImportError(file, null, null, "Tệp JSON phải là một đối tượng gồm các trang (\"Thủ tục\", \"Trường hợp\", …).")]);
            }

            var errors = new List<CatalogImportError>();
            var workbook = new CatalogWorkbook();
            foreach (var sheet in document.RootElement.EnumerateObject())
            {
                if (sheet.Value.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(new CatalogImportError(sheet.Name, null, null, "Trang phải là một mảng các dòng."));
                    continue;
                }

                workbook.AddSheet(sheet.Name);
                var number = 0;
                foreach (var item in sheet.Value.EnumerateArray())
                {
                    number++;
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        errors.Add(new CatalogImportError(sheet.Name, number, null, "Dòng phải là một đối tượng {\"cột\": \"giá trị\"}."));
                        continue;
                    }

                    var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var cell in item.EnumerateObject())
                    {
                        cells[cell.Name] = cell.Value.ValueKind switch
                        {
                            JsonValueKind.String => cell.Value.GetString() ?? "",
                            JsonValueKind.Null => "",
                            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => cell.Value.GetRawText(),
                            _ => Invalid(sheet.Name, number, cell.Name),
                        };
                    }

                    workbook.Add(sheet.Name, new CatalogRow(number, cells));
                }
            }

            string Invalid(string sheet, int row, string column)
            {
                errors.Add(new CatalogImportError(sheet, row, column, "Giá trị phải là chuỗi hoặc số, không phải mảng hay đối tượng."));
                return "";
            }

            return errors.Count > 0 ? (null, errors) : (workbook, []);
        }
    }

    /// <summary>Column headers, in Vietnamese as they appear in the files.</summary>
    public static class Col
    {
        public const string Code = "Mã thủ tục";
        public const string DecisionNumber = "Số quyết định công bố";
        public const string Name = "Tên thủ tục";
        public const string FieldCode = "Mã lĩnh vực";
        public const string LevelCodes = "Mã cấp thực hiện";
        public const string Kind = "Loại hình";
        public const string ProcedureType = "Loại thủ tục";
        public const string DecidingAgency = "Cơ quan có thẩm quyền quyết định";
        public const string ImplementingAgency = "Mã cơ quan thực hiện";
        public const string CooperatingAgencies = "Mã cơ quan phối hợp";
        public const string ReceivingPlace = "Địa chỉ tiếp nhận hồ sơ";
        public const string Result = "Kết quả thực hiện";
        public const string Conditions = "Yêu cầu, điều kiện";
        public const string SupplementMode = "Khi yêu cầu bổ sung";
        public const string AlertMinutes = "Cảnh báo khi còn (phút làm việc)";
        public const string AlertPercent = "Cảnh báo khi đã dùng (%)";
        public const string CaseCode = "Mã trường hợp";
        public const string CaseName = "Tên trường hợp";
        public const string Channel = "Cách thức thực hiện";
        public const string TimeAmount = "Thời hạn";
        public const string TimeUnit = "Đơn vị thời hạn";
        public const string TimeText = "Thời hạn (nguyên văn)";
        public const string DocumentName = "Tên giấy tờ";
        public const string Template = "Mẫu đơn, tờ khai";
        public const string Originals = "Số bản chính";
        public const string Copies = "Số bản sao";
        public const string Requirement = "Bắt buộc";
        public const string FeeName = "Tên phí, lệ phí";
        public const string FeeAmount = "Số tiền (đồng)";
        public const string FeeNote = "Ghi chú";
        public const string StepOrder = "Thứ tự";
        public const string StepName = "Tên bước";
        public const string StepAgency = "Mã cơ quan";
        public const string LegalNumber = "Số hiệu văn bản";
        public const string LegalTitle = "Trích yếu";
        public const string LegalDate = "Ngày ban hành";
        public const string LegalIssuer = "Cơ quan ban hành";
    }
}
