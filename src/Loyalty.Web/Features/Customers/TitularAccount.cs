namespace Loyalty.Web.Features.Customers;

/// <summary>
/// The account a dependent's points live in (SPEC §3): the titular's. Wherever a dependent's balance, expiring points or
/// statement are shown, they are said to be the titular's and link to the titular ("Pontos da conta do titular {nome}").
/// </summary>
public sealed record TitularAccount(Guid Id, string Name);
