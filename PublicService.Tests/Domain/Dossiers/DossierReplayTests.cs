using PublicService.Domain;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Dossiers;
using PublicService.Tests.Support;
using static PublicService.Tests.Support.TestCalendar;

namespace PublicService.Tests.Domain.Dossiers;

/// <summary>Property-style: after any lawful random history, replaying the events gives the live derived columns.</summary>
public sealed class DossierReplayTests
{
    [Fact]
    public void Replay_AfterRandomHistories_AgreesWithLiveUpdates()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var dossier = RandomHistory(random);

            var replayed = Dossier.Replay(dossier.Events, Context);

            Assert.True(replayed == dossier.Deadlines(), $"seed {seed}: live {dossier.Deadlines()} vs replayed {replayed}");
            Assert.False(dossier.RecomputeFromEvents(Context), $"seed {seed}");
        }
    }

    [Fact]
    public void Replay_EventsInAnyStoredOrder_UsesTheirSequence()
    {
        var dossier = RandomHistory(new Random(7));

        var replayed = Dossier.Replay(dossier.Events.Reverse(), Context);

        Assert.Equal(dossier.Deadlines(), replayed);
    }

    internal static Dossier RandomHistory(Random random)
    {
        var terms = RandomTerms(random);
        var at = Vn(2026, 1 + random.Next(0, 10), 1 + random.Next(0, 28), 6 + random.Next(0, 12), random.Next(0, 60));
        var dossier = Receive(terms, at);
        for (var i = 0; i < 14; i++)
        {
            at = at.AddMinutes(random.Next(0, 3 * 24 * 60));
            if (random.NextDouble() < 0.3)
            {
                dossier.ChangeAlertLevel(at, dossier.LevelAt(at, Context), "he-thong", Context);
                dossier.ChangeStepAlertLevel(at, dossier.StepLevelAt(at, Context), "he-thong", Context);
            }
            var allowed = dossier.AllowedActions().Where(a => a != DossierAction.Cancel || random.NextDouble() < 0.1).ToList();
            if (allowed.Count == 0) break;
            DossierActions.Act(dossier, allowed[random.Next(allowed.Count)], at);
        }
        return dossier;
    }

    private static ProcessingTerms RandomTerms(Random random)
    {
        var mode = random.Next(2) == 0 ? SupplementClockMode.Pause : SupplementClockMode.Restart;
        var unit = (TimeUnit)random.Next(1, 5);
        var amount = unit == TimeUnit.SameDay ? 0 : random.Next(1, 16);
        var shares = random.Next(3) == 0 && unit != TimeUnit.SameDay
            ? [amount / 2, amount - amount / 2, 0]
            : new[] { amount };
        return new ProcessingTerms(new ProcessingTime(amount, unit),
            shares.Select((s, i) => new ProcessingStepTerm(i + 1, $"Bước {i + 1}", 10 + i, new ProcessingTime(s, unit))).ToList(),
            mode, null);
    }
}
