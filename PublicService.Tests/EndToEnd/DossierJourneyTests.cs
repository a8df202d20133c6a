using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Settings;
using QRCoder;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PublicService.Tests.EndToEnd;

/// <summary>
/// A dossier's life through the real pages: the desk receives an interconnected land procedure and prints the
/// receipt whose QR code leads anyone to the public status page; the land office hands it to the tax office, which
/// asks for a supplement (the clock pauses), receives it (the due date moves by the paused working time) and hands
/// it back; the land office records the result and the desk returns it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DossierJourneyTests(BrowserFixture browser, AppProcess app, ITestOutputHelper output)
    : EndToEndTest(browser, app, output), IClassFixture<AppProcess>
{
    // "Đăng ký biến động … chuyển nhượng, tặng cho, thừa kế": land office → tax office → land office → land office.
    private const string ProcedureCode = "1.012765.000.00.00.H48";
    private const string ProcedureSearch = "dang ky bien dong";
    private const string ProcedureName = "Đăng ký biến động quyền sử dụng đất";
    private const string Reception = "tiepnhan@h48.demo";
    private const string LandOffice = "xuly.datdai@h48.demo";
    private const string TaxOffice = "xuly.thue@h48.demo";

    private sealed record Applicant(string Name, string IdNumber, string Phone, string Address);

    [Fact]
    public async Task Reception_ReceivesInterconnectedDossier_ReceiptQrLeadsToMaskedPublicStatus()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, Reception);
        var applicant = new Applicant("Nguyễn Thị Minh Khai", "001190012345", "0912345678", "12 Lê Lợi, phường Hạc Thành");

        var receivedAt = App.Now.UtcDateTime;
        var (id, code) = await ReceiveAsync(page, applicant, explain: true);

        var expectedDue = await ExpectedDueAsync(receivedAt, []);
        await page.Locator("[data-testid=receipt-link]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/ho-so/{id}/bien-nhan$"));
        await Expect(page.Locator("[data-testid=receipt-code]")).ToHaveTextAsync(code);
        await Expect(page.Locator("[data-testid=receipt-applicant]")).ToHaveTextAsync(applicant.Name);
        await Expect(page.Locator("[data-testid=receipt-documents] tbody tr")).ToHaveCountAsync(3);
        var local = VietnamTime.ToLocal(expectedDue);
        await Expect(page.Locator("[data-testid=receipt-appointment]")).ToContainTextAsync($"ngày {local:dd} tháng {local:MM} năm {local:yyyy}");
        await ScreenshotAsync(page, "receipt");

        // The QR code's target: the link printed beside it, and the image itself, read back module by module.
        var publicUrl = new Uri(App.BaseAddress, $"tra-cuu/{code}").AbsoluteUri;
        await Expect(page.Locator("[data-testid=receipt-url]")).ToHaveTextAsync(publicUrl);
        var qr = page.Locator("img[data-testid=receipt-qr]");
        await Expect(qr).ToHaveAttributeAsync("alt", publicUrl);
        await AssertQrEncodesAsync(qr, publicUrl);

        // Whoever scans it: a fresh context, nobody signed in.
        var visitor = await NewPageAsync();
        await visitor.GotoAsync(publicUrl);
        var status = visitor.Locator("[data-testid=public-status]");
        await Expect(status).ToBeVisibleAsync();
        await Expect(visitor).ToHaveURLAsync(publicUrl);
        await Expect(status.Locator("[data-testid=code]")).ToHaveTextAsync(code);
        await Expect(status.Locator("[data-testid=status]")).ToHaveTextAsync("Đã tiếp nhận");
        await Expect(status.Locator("[data-testid=due]")).ToHaveTextAsync(Shown(expectedDue));
        await Expect(status.Locator("[data-testid=applicant]")).ToHaveTextAsync("N. T. M. Khai");
        // Nothing else personal: not the full name, the ID number, the phone or the address.
        var text = await visitor.Locator("body").InnerTextAsync();
        foreach (var secret in new[] { "Nguyễn", "Minh Khai", applicant.IdNumber, applicant.Phone, "Lê Lợi" })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        await ScreenshotAsync(visitor, "public-status-anonymous");
    }

    [Fact]
    public async Task Processing_SupplementPausesTheClock_DueMovesByPausedTimeAndDeskReturnsResult()
    {
        // The clock is shared by the class: this journey only moves it forward, from wherever the other left it.
        var start = App.Now;
        Assert.True(VietnamTime.ToLocal(start.UtcDateTime).Hour < 10, $"The journey expects a morning start, the clock is at {start:O}.");
        var desk = await NewPageAsync();
        await SignInAsync(desk, Reception);
        var (id, code) = await ReceiveAsync(desk, new Applicant("Trần Văn Bảo", "038085001122", "0987654321", "5 Phan Chu Trinh"), explain: false);
        var dossierPage = $"/ho-so/{id}";
        await desk.GotoAsync(dossierPage);
        await ActAsync(desk, "StartProcessing");
        await Expect(desk.Locator("[data-testid=current-step]")).ToHaveTextAsync("bước 1/4 tại Văn phòng Đăng ký đất đai");
        await ScreenshotAsync(desk, "desk-sent-for-processing");

        var land = await NewPageAsync();
        await SignInAsync(land, LandOffice);
        await land.GotoAsync(dossierPage);
        await ActAsync(land, "TransferToNextStep");
        await Expect(land.Locator("[data-testid=current-step]")).ToHaveTextAsync("bước 2/4 tại Thuế tỉnh H48");
        await ScreenshotAsync(land, "land-office-transferred-to-tax");

        // An hour later the tax office finds a paper missing.
        var requestedAt = start.AddHours(1);
        App.SetClock(requestedAt);
        var tax = await NewPageAsync();
        await SignInAsync(tax, TaxOffice);
        await tax.GotoAsync(dossierPage);
        var receivedAt = await ReceivedAtAsync(id);
        var dueBefore = await ExpectedDueAsync(receivedAt, []);
        await Expect(tax.Locator("[data-testid=due]")).ToContainTextAsync(Shown(dueBefore));
        await ActAsync(tax, "RequestSupplement", reason: "Thiếu tờ khai lệ phí trước bạ có chữ ký của bên nhận chuyển nhượng.");
        await Expect(tax.Locator("[data-testid=status]")).ToHaveTextAsync("Chờ bổ sung");
        await ScreenshotAsync(tax, "tax-office-requested-supplement");

        // The applicant brings it the next afternoon: 1 day and 5 hours later, 10.5 working hours of pause.
        var resumedAt = requestedAt.AddDays(1).AddHours(4.5);
        App.SetClock(resumedAt);
        // A day later everyone signs in again (a sign-in lasts 10 hours of the app's clock).
        tax = await NewPageAsync();
        await SignInAsync(tax, TaxOffice);
        await tax.GotoAsync(dossierPage);
        await Expect(tax.Locator("[data-testid=due]")).ToContainTextAsync(Shown(dueBefore));
        await ActAsync(tax, "ReceiveSupplement");
        await Expect(tax.Locator("[data-testid=status]")).ToHaveTextAsync("Đang xử lý");
        var dueAfter = await ExpectedDueAsync(receivedAt, [new PausedPeriod(requestedAt.UtcDateTime, resumedAt.UtcDateTime)]);
        Assert.True(dueAfter > dueBefore, $"The pause from {requestedAt:O} to {resumedAt:O} should move the due date past {dueBefore:O}.");
        await Expect(tax.Locator("[data-testid=due]")).ToHaveTextAsync(Shown(dueAfter));
        var calendar = await CalendarAsync();
        Assert.Equal(10.5 * 60, calendar.WorkingMinutesBetween(dueBefore, dueAfter));
        Output.WriteLine($"Due {Shown(dueBefore)} → {Shown(dueAfter)} after a pause from {Shown(requestedAt.UtcDateTime)} to {Shown(resumedAt.UtcDateTime)}.");
        await ScreenshotAsync(tax, "tax-office-received-supplement-due-moved");

        await ActAsync(tax, "TransferToNextStep");
        // Handed back, the dossier is no longer the tax office's: its page now says so instead of showing it.
        await Expect(tax.Locator("[data-testid=outside-scope]")).ToContainTextAsync(code);
        await ScreenshotAsync(tax, "tax-office-handed-back");

        App.SetClock(resumedAt.AddHours(1));
        land = await NewPageAsync();
        await SignInAsync(land, LandOffice);
        await land.GotoAsync(dossierPage);
        await Expect(land.Locator("[data-testid=current-step]")).ToHaveTextAsync("bước 3/4 tại Văn phòng Đăng ký đất đai");
        await ActAsync(land, "TransferToNextStep");
        await Expect(land.Locator("[data-testid=current-step]")).ToHaveTextAsync("bước 4/4 tại Văn phòng Đăng ký đất đai");
        await ActAsync(land, "RecordResult");
        await Expect(land.Locator("[data-testid=status]")).ToHaveTextAsync("Đã có kết quả");
        await ScreenshotAsync(land, "land-office-recorded-result");

        desk = await NewPageAsync();
        await SignInAsync(desk, Reception);
        await desk.GotoAsync(dossierPage);
        await ActAsync(desk, "ReturnResult");
        await Expect(desk.Locator("[data-testid=status]")).ToHaveTextAsync("Đã trả kết quả");
        await ScreenshotAsync(desk, "desk-returned-result");

        var visitor = await NewPageAsync();
        await visitor.GotoAsync($"/tra-cuu/{code}");
        await Expect(visitor.Locator("[data-testid=status]")).ToHaveTextAsync("Đã trả kết quả");
        await Expect(visitor.Locator("[data-testid=due]")).ToHaveTextAsync(Shown(dueAfter));
        await ScreenshotAsync(visitor, "public-status-returned");
    }

    /// <summary>
    /// Fills the reception form as the desk does: the procedure found without diacritics, the applicant, every
    /// document ticked; checks the previewed due date (and its explanation when asked) and receives the dossier.
    /// </summary>
    private async Task<(long Id, string Code)> ReceiveAsync(IPage page, Applicant applicant, bool explain)
    {
        await page.GotoAsync("/tiep-nhan");
        await PickProcedureAsync(page);
        var dueDate = page.Locator("[data-testid=due-date]");
        await Expect(dueDate).ToHaveTextAsync(Shown(await ExpectedDueAsync(App.Now.UtcDateTime, [])));

        await FillAsync(page, "applicant-name", applicant.Name);
        await FillAsync(page, "applicant-id", applicant.IdNumber);
        await FillAsync(page, "applicant-phone", applicant.Phone);
        await FillAsync(page, "applicant-address", applicant.Address);
        var boxes = page.Locator("[data-testid=documents] tbody input[type=checkbox]");
        await Expect(boxes).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++) await boxes.Nth(i).CheckAsync();

        if (explain)
        {
            await page.Locator("[data-testid=due-preview] .mud-expand-panel-header").ClickAsync();
            var lines = page.Locator("[data-testid=explanation] li");
            await Expect(lines.First).ToBeVisibleAsync();
            // The explanation names the receipt and ends at the due instant it shows.
            Assert.True(await lines.CountAsync() >= 2, "The explanation should say at least when it starts and when it ends.");
            var due = VietnamTime.ToLocal(await ExpectedDueAsync(App.Now.UtcDateTime, []));
            await Expect(lines.Last).ToContainTextAsync(due.ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture));
            await ScreenshotAsync(page, "reception-filled-why-this-date");
        }

        await page.Locator("[data-testid=receive]").ClickAsync();
        var received = page.Locator("[data-testid=received]");
        await Expect(received).ToContainTextAsync("Đã tiếp nhận hồ sơ");
        var code = Regex.Match(await received.InnerTextAsync(), @"Đã tiếp nhận hồ sơ (\S+)").Groups[1].Value;
        Assert.Matches(@"^000\.01\.20\.H48-\d{6}-\d{4}$", code);
        var href = await page.Locator("[data-testid=receipt-link]").GetAttributeAsync("href") ?? "";
        var id = long.Parse(Regex.Match(href, @"ho-so/(\d+)/bien-nhan").Groups[1].Value, CultureInfo.InvariantCulture);
        if (explain) await ScreenshotAsync(page, "reception-received");
        return (id, code);
    }

    /// <summary>
    /// Types the procedure's name without diacritics and picks it from the list. Typing before the circuit is up
    /// reaches nobody (the page is prerendered), and a click can land on a list the debounced search is replacing,
    /// so typing and picking are repeated until the box holds the chosen procedure.
    /// </summary>
    private async Task PickProcedureAsync(IPage page)
    {
        var input = page.Locator("input[data-testid=procedure], [data-testid=procedure] input").First;
        var option = page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = ProcedureName }).First;
        var picked = new Regex("^" + Regex.Escape(ProcedureCode));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await input.ClickAsync();
                await input.FillAsync("");
                await input.PressSequentiallyAsync(ProcedureSearch);
                await option.WaitForAsync(new LocatorWaitForOptions { Timeout = 5_000 });
                if (attempt == 1) await ScreenshotAsync(page, "reception-search-without-diacritics", fullPage: false);
                await option.ClickAsync(new LocatorClickOptions { Timeout = 5_000 });
                await Expect(input).ToHaveValueAsync(picked, new LocatorAssertionsToHaveValueOptions { Timeout = 3_000 });
                return;
            }
            catch (Exception e) when (attempt < 4 && e is TimeoutException or PlaywrightException)
            {
            }
        }
    }

    private static async Task FillAsync(IPage page, string testId, string value)
    {
        var input = page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    /// <summary>
    /// Takes an action of the dossier page through its dialog and waits for the page to say it is done. The first
    /// click can land before the circuit is up (the page is prerendered): clicking again until the dialog opens.
    /// </summary>
    private async Task ActAsync(IPage page, string action, string? reason = null)
    {
        var button = page.Locator($"[data-testid=action-{action}]");
        var dialog = page.Locator(".mud-dialog");
        for (var attempt = 1; ; attempt++)
        {
            await button.ClickAsync();
            try
            {
                await dialog.WaitForAsync(new LocatorWaitForOptions { Timeout = 3_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 5)
            {
            }
        }
        await Expect(dialog.Locator("[data-testid=clock-effect]")).ToBeVisibleAsync();
        if (reason is not null) await dialog.Locator("[data-testid=action-text] textarea, textarea[data-testid=action-text]").First.FillAsync(reason);
        await ScreenshotAsync(page, $"dialog-{action}", fullPage: false);
        await dialog.Locator("[data-testid=action-confirm]").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-snackbar", new PageLocatorOptions { HasTextRegex = new Regex(": đã thực hiện\\.$") }).Last).ToBeVisibleAsync();
    }

    /// <summary>
    /// Reads the QR image as the browser drew it (a canvas, one sample at the centre of each module) and compares
    /// it with the modules QRCoder gives the expected URL: equal modules mean the code carries exactly that URL.
    /// </summary>
    private async Task AssertQrEncodesAsync(ILocator image, string url)
    {
        await image.EvaluateAsync("img => img.decode()");
        foreach (var level in new[] { QRCodeGenerator.ECCLevel.M, QRCodeGenerator.ECCLevel.L, QRCodeGenerator.ECCLevel.Q, QRCodeGenerator.ECCLevel.H })
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(url, level);
            var size = data.ModuleMatrix.Count;
            var expected = string.Concat(data.ModuleMatrix.SelectMany(row => row.Cast<bool>().Select(dark => dark ? '1' : '0')));
            var shown = await image.EvaluateAsync<string?>("""
                (img, size) => {
                    if (img.naturalWidth !== img.naturalHeight || img.naturalWidth % size !== 0) return null;
                    const canvas = document.createElement('canvas');
                    canvas.width = canvas.height = img.naturalWidth;
                    const context = canvas.getContext('2d');
                    context.drawImage(img, 0, 0);
                    const pixels = context.getImageData(0, 0, img.naturalWidth, img.naturalWidth).data;
                    const step = img.naturalWidth / size;
                    let bits = '';
                    for (let y = 0; y < size; y++)
                        for (let x = 0; x < size; x++) {
                            const at = ((Math.floor(y * step + step / 2) * img.naturalWidth) + Math.floor(x * step + step / 2)) * 4;
                            bits += pixels[at] < 128 ? '1' : '0';
                        }
                    return bits;
                }
                """, size);
            if (shown == expected)
            {
                Output.WriteLine($"The receipt's QR code ({size}×{size} modules with its quiet zone, level {level}) encodes {url}.");
                return;
            }
        }
        Assert.Fail($"The receipt's QR image does not carry the modules of {url} at any error-correction level.");
    }

    private async Task<DateTime> ReceivedAtAsync(long id)
    {
        await using var db = App.OpenDatabase();
        return await db.Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => d.ReceivedAtUtc).SingleAsync();
    }

    private async Task<WorkingCalendar> CalendarAsync()
    {
        await using var db = App.OpenDatabase();
        return await db.CompileCalendarAsync();
    }

    /// <summary>What <see cref="DueDateCalculator"/> says for the procedure's in-person terms, under the app's calendar.</summary>
    private async Task<DateTime> ExpectedDueAsync(DateTime receivedUtc, IReadOnlyList<PausedPeriod> pauses)
    {
        await using var db = App.OpenDatabase();
        var today = VietnamTime.DateOf(receivedUtc);
        var procedureId = await db.Procedures.IgnoreAutoIncludes().Where(p => p.Code == ProcedureCode).Select(p => p.Id).SingleAsync();
        var version = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.ProcedureId == procedureId && v.Status == VersionStatus.Published && v.EffectiveFrom <= today)
            .OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Number)
            .FirstAsync();
        var terms = version.TermsFor(version.DefaultCase.Code, Channel.InPerson);
        var calendar = await db.CompileCalendarAsync();
        return DueDateCalculator.Compute(calendar, receivedUtc, terms.Total, pauses).DueUtc;
    }

    private static string Shown(DateTime utc) => VietnamTime.ToLocal(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
