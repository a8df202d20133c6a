using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;

namespace PublicService.Domain.Demo;

/// <summary>One way a demo dossier can be received: a published procedure version, one of its cases and channels.</summary>
public sealed record DemoIntake(
    int ProcedureId,
    int VersionId,
    string CaseCode,
    Channel Channel,
    ProcessingTerms Terms,
    IReadOnlyList<string> Documents,
    int ReceivingAgencyId,
    string ReceivingAgencyCode);

/// <summary>
/// Generates realistic dossier histories through the real verbs, so every demo dossier is one the workflow could
/// have produced: received over the last weeks, moved through steps, paused for supplements and payments,
/// finished, stopped, withdrawn, cancelled, some late with an apology; finally each running dossier gets the
/// alert levels (its own and its current step's) a deadline scan at <c>now</c> would give it.
/// </summary>
public sealed class DemoDossiers(Random random, DeadlineContext context, DateTime nowUtc)
{
    public const string SystemActor = "he-thong";
    private static readonly string[] Officers = ["tiepnhan.lan", "tiepnhan.hung", "xuly.minh", "xuly.thu", "xuly.quang", "xuly.ha"];
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Xuân"];
    private static readonly string[] GivenNames = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hằng", "Hiếu", "Hoa", "Khánh", "Lan", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến"];
    private static readonly string[] Companies = ["Công ty TNHH Thương mại Hòa Bình", "Công ty Cổ phần Xây dựng Tây Nguyên", "Hợp tác xã Nông nghiệp Đăk Hà", "Công ty TNHH Du lịch Măng Đen", "Doanh nghiệp tư nhân Minh Phát"];
    private static readonly string[] Streets = ["Trần Hưng Đạo", "Lê Lợi", "Phan Đình Phùng", "Nguyễn Huệ", "Bà Triệu", "Hùng Vương", "Quang Trung"];

    private readonly WorkingCalendar _calendar = context.Calendar;

    /// <summary>A dossier received at a random working moment of the last weeks, with a random but lawful history.</summary>
    public Dossier Create(DemoIntake intake, Func<DemoIntake, DateTime, string> issueCode)
    {
        var receivedAt = RandomReceiptInstant();
        var dossier = Dossier.Receive(issueCode(intake, receivedAt), intake.ProcedureId, intake.VersionId, intake.CaseCode,
            intake.Channel, intake.ReceivingAgencyId, RandomApplicant(), intake.Terms, intake.Documents, receivedAt,
            Pick(Officers[..2]), context);
        try
        {
            PlayHistory(dossier);
        }
        catch (DomainException)
        {
            // A random step the rules refuse (e.g. an apology with nothing to apologise for) ends the story there.
        }
        // Both levels, the dossier's and its current step's, as the scan gives them: a step level left behind would
        // leave a next alert instant in the past, due at once for a scan that cannot write before the latest change.
        DeadlineScanner.Relevel(dossier, nowUtc, context, []);
        return dossier;
    }

    /// <summary>
    /// Plays the dossier forward while its instants stay before now. A pace drawn per dossier says how much of the
    /// allowed time the agencies use: most finish well within it, a few (as in real centres, under 1 %–5 %) overrun
    /// and get an apology letter the working day before the due date.
    /// </summary>
    private void PlayHistory(Dossier dossier)
    {
        var allowed = Math.Max(60, _calendar.WorkingMinutesBetween(dossier.CountingStartUtc, dossier.DueAtUtc));
        var late = random.NextDouble() < 0.05;
        var pace = late ? 1.1 + random.NextDouble() * 0.5 : 0.25 + random.NextDouble() * 0.6;
        var at = dossier.ReceivedAtUtc;
        bool Advance(double shareOfAllowed)
        {
            at = _calendar.AddWorkingMinutes(at, (long)(allowed * pace * shareOfAllowed * (0.7 + random.NextDouble() * 0.6)) + 5);
            return at <= nowUtc;
        }

        if (!Advance(0.05)) return;
        var ending = random.NextDouble();
        if (ending < 0.02) { dossier.Withdraw(at, Pick(Officers[..2]), "Công dân đề nghị rút hồ sơ để bổ sung giấy tờ khác.", context); return; }
        if (ending < 0.03) { dossier.Cancel(at, "quantri", "Nhập nhầm thủ tục khi tiếp nhận.", context); return; }
        dossier.StartProcessing(at, Pick(Officers[..2]), "Chuyển hồ sơ cho cơ quan giải quyết.", context);

        var steps = dossier.Terms.Steps.Count;
        var supplementAtStep = random.NextDouble() < 0.15 ? random.Next(1, steps + 1) : 0;
        for (var step = 1; step <= steps; step++)
        {
            if (step > 1)
            {
                if (!Advance(0.1 / steps)) return;
                dossier.TransferToNextStep(at, Pick(Officers[2..]), $"Chuyển bước {step}: {dossier.Terms.Steps[step - 1].Name}.", context);
            }
            if (step == supplementAtStep)
            {
                if (!Advance(0.1)) return;
                dossier.RequestSupplement(at, Pick(Officers[2..]), "Bổ sung bản sao giấy tờ chứng minh nơi cư trú.",
                    _calendar.AddWorkingDays(VietnamTime.DateOf(at), 10), ["Giấy xác nhận thông tin về cư trú"], context);
                // The applicant's own time does not count against the agency: a separate, slower pace.
                var waited = _calendar.AddWorkingMinutes(at, (long)(allowed * (0.1 + random.NextDouble() * 0.8)));
                if (random.NextDouble() < 0.1 || waited > nowUtc) return;
                at = waited;
                dossier.ReceiveSupplement(at, Pick(Officers[..2]), "Đã nhận đủ hồ sơ bổ sung.", context);
            }
            if (!Advance(0.75 / steps)) return;
            if (ending > 0.97) { dossier.Stop(at, Pick(Officers[2..]), "Hồ sơ không đủ điều kiện theo quy định.", context); return; }
        }

        if (ending is > 0.04 and < 0.12)
        {
            dossier.AwaitPayment(at, Pick(Officers[2..]), "Chờ nộp lệ phí trước bạ.", context);
            var paid = _calendar.AddWorkingMinutes(at, random.Next(60, 3 * 480));
            if (paid > nowUtc) return;
            at = paid;
            dossier.ConfirmPayment(at, Pick(Officers[2..]), "Đã nộp, có biên lai.", context);
        }
        if (late) ApologiseIfStillPossible(dossier, at);
        if (!Advance(0.1)) return;
        dossier.RecordResult(at, Pick(Officers[2..]), "Đã ký kết quả.", context);
        if (ending > 0.9 || !Advance(0.1)) return;
        dossier.ReturnResult(at, Pick(Officers[..2]), "Công dân đã nhận kết quả.", context);
    }

    /// <summary>The law wants the apology one working day before the due date; late paces issue it then when they can.</summary>
    private void ApologiseIfStillPossible(Dossier dossier, DateTime lastChange)
    {
        var dayBefore = _calendar.OpeningOf(_calendar.AddWorkingDays(VietnamTime.DateOf(dossier.DueAtUtc), -1)).AddHours(2);
        var apologyAt = dayBefore > lastChange ? dayBefore : lastChange;
        if (apologyAt > nowUtc || apologyAt > dossier.DueAtUtc) return;
        dossier.IssueApology(apologyAt, Pick(Officers[2..]), "Cần thêm thời gian xác minh với cơ quan liên quan.",
            _calendar.ClosingOf(_calendar.AddWorkingDays(VietnamTime.DateOf(dossier.DueAtUtc), random.Next(2, 6))), context);
    }

    private DateTime RandomReceiptInstant()
    {
        var day = VietnamTime.DateOf(nowUtc);
        for (var back = random.Next(0, 45); back > 0; back--)
            day = day.AddDays(-1);
        while (!_calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        var instant = VietnamTime.ToUtc(day, new TimeOnly(7, 0).AddMinutes(random.Next(0, 9 * 60 + 50)));
        return instant < nowUtc ? instant : nowUtc.AddMinutes(-random.Next(1, 120));
    }

    private Applicant RandomApplicant()
    {
        var address = $"{random.Next(1, 300)} {Pick(Streets)}, phường Thắng Lợi";
        if (random.NextDouble() < 0.15)
            return new Applicant(ApplicantKind.Organisation, Pick(Companies), $"61{random.Next(0, 100_000_000):D8}", $"0260{random.Next(0, 1_000_000):D6}", address);
        var name = $"{Pick(FamilyNames)} {Pick(MiddleNames)} {Pick(GivenNames)}";
        return new Applicant(ApplicantKind.Person, name, $"062{random.Next(0, 1_000_000_000):D9}", $"09{random.Next(0, 100_000_000):D8}", address);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
