using Microsoft.Extensions.DependencyInjection;
using PublicService.Domain.Calendar;

namespace PublicService.Tests.Components.Pages;

/// <summary>The calendar pages read the statutory calendar (no overrides) through the provider, as the app does.</summary>
public abstract class CalendarPagesTestBase : ComponentTestBase
{
    private static readonly WorkingCalendar _calendar = WorkingCalendar.Compile(WorkingCalendarSettings.Default, [], 2020, 2030);

    protected CalendarPagesTestBase()
    {
        Services.AddSingleton(new WorkingCalendarProvider(_calendar));
    }
}
