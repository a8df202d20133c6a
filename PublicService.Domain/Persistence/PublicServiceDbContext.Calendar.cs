using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Calendar;

namespace PublicService.Domain.Persistence;

public partial class PublicServiceDbContext
{
    public DbSet<CalendarOverride> CalendarOverrides => Set<CalendarOverride>();
}
