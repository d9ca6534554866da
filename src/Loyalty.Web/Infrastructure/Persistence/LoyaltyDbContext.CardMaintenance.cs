using Loyalty.Domain.Cards;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Infrastructure.Persistence;

// The card maintenance tables (issue 11), apart so that the card life-cycle's own sets merge without conflict.
public partial class LoyaltyDbContext
{
    public DbSet<CardReason> CardReasons => Set<CardReason>();
    public DbSet<CardPin> CardPins => Set<CardPin>();
}
