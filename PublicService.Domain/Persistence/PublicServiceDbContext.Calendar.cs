using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Calendar;

namespace PublicService.Domain.Persistence;

public sealed partial class PublicServiceDbContext
{
    public DbSet<CalendarOverride> CalendarOverrides => Set<CalendarOverride>();
}
