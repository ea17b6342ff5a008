using Chamber.Campaigns.Titles;

namespace Chamber.Campaigns.Tests.Titles;

/// <summary>How long a recognised title holds, and where it stands on a given day.</summary>
public sealed class TitleValidityTests
{
    [Fact]
    public void A_title_holds_to_the_end_of_the_year_that_many_years_on()
    {
        Assert.Equal(new DateOnly(2029, 12, 31), ChamberTitles.ValidityFrom(new DateOnly(2026, 12, 24), 3));
        Assert.Equal(new DateOnly(2029, 12, 31), ChamberTitles.ValidityFrom(new DateOnly(2026, 1, 2), 3));
        // Never less than a year.
        Assert.Equal(new DateOnly(2027, 12, 31), ChamberTitles.ValidityFrom(new DateOnly(2026, 6, 1), 0));
    }

    [Fact]
    public void A_title_is_held_through_its_last_day_expired_after_it_and_removed_once_removed()
    {
        var title = new TitleRecord { Id = "t", ChamberId = "c", Title = "市级“五好”县级工商联", GrantedOn = new DateOnly(2026, 12, 24), ValidUntil = new DateOnly(2029, 12, 31) };

        Assert.Equal(TitleActions.Held, ChamberTitles.StatusOf(title, new DateOnly(2029, 12, 31)));
        Assert.Equal(TitleActions.Expired, ChamberTitles.StatusOf(title, new DateOnly(2030, 1, 1)));
        title.RemovedOn = new DateOnly(2027, 11, 1);
        Assert.Equal(TitleActions.Removed, ChamberTitles.StatusOf(title, new DateOnly(2027, 11, 2)));
    }
}
