using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PublicService.Console.Jobs;

namespace PublicService.Tests.Jobs;

public sealed class DeadlineScanJobTests
{
    [Theory]
    [InlineData(null, "* * * * *")]
    [InlineData("*/5 * * * *", "*/5 * * * *")]
    public void ScheduleDeadlineScan_Configuration_RegistersTheJobUnderItsStableIdWithTheCron(string? configured, string expected)
    {
        var manager = new RecordingManager();
        var services = new ServiceCollection().AddSingleton<IRecurringJobManager>(manager).BuildServiceProvider();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(configured is null ? [] : [new(DeadlineScanJob.CronKey, configured)])
            .Build();

        services.ScheduleDeadlineScan(configuration);

        var (id, job, cron) = Assert.Single(manager.Added);
        Assert.Equal("deadline-scan", id);
        Assert.Equal(typeof(DeadlineScanJob), job.Type);
        Assert.Equal(nameof(DeadlineScanJob.RunAsync), job.Method.Name);
        Assert.Equal(expected, cron);
    }

    private sealed class RecordingManager : IRecurringJobManager
    {
        public List<(string Id, Job Job, string Cron)> Added { get; } = [];

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) =>
            Added.Add((recurringJobId, job, cronExpression));

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => throw new NotSupportedException();
    }
}
