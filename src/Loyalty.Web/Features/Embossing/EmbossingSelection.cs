using Loyalty.Domain.Cards.Embossing;
using System.Text;
using Loyalty.Domain.Cards;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Web.Features.Embossing;

/// <summary>
/// The one home of "which cards a filter selects": approved (07) cards of the tenant, narrowed by the filter. The count
/// and page on screen and the generation job all read this same FROM/WHERE, so what the operator saw is what the batch
/// takes. Aliases: <c>c</c> card, <c>cu</c> customer, <c>s</c> the customer's registering store.
/// </summary>
public sealed class EmbossingSelection
{
    private readonly List<NpgsqlParameter> _parameters = [];

    public EmbossingSelection(EmbossingFilter filter, TimeZoneInfo zone)
    {
        var where = new StringBuilder($"c.status = '{CardStatus.CreditApproved}'");
        if (filter.RegisteredFrom is { } from)
        {
            where.Append(" AND cu.registered_at >= ").Append(Add(StartOf(from, zone), NpgsqlDbType.TimestampTz));
        }
        if (filter.RegisteredTo is { } to)
        {
            where.Append(" AND cu.registered_at < ").Append(Add(StartOf(to.AddDays(1), zone), NpgsqlDbType.TimestampTz));
        }
        if (filter.StoreId is { } store)
        {
            where.Append(" AND cu.registering_store_id = ").Append(Add(store, NpgsqlDbType.Uuid));
        }
        if (CardNumberRule.Normalize(filter.CardNumber) is { Length: > 0 } number)
        {
            where.Append(" AND c.number = ").Append(Add(number, NpgsqlDbType.Varchar));
        }
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var pattern = "%" + filter.Name.Trim().Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            where.Append(" AND cu.name ILIKE ").Append(Add(pattern, NpgsqlDbType.Varchar));
        }
        if (filter.CustomerType is { } type)
        {
            where.Append(" AND ").Append(EmbossingCustomerTypes.Condition(type));
        }
        Where = where.ToString();
    }

    public const string From = """
        cards c
        JOIN customers cu ON cu.tenant_id = c.tenant_id AND cu.id = c.customer_id
        LEFT JOIN stores s ON s.tenant_id = cu.tenant_id AND s.id = cu.registering_store_id
        """ + EmbossingCustomerTypes.Join;

    public string Where { get; }

    /// <summary>Fresh copies for each command (a parameter belongs to one command).</summary>
    public NpgsqlParameter[] Parameters => [.. _parameters.Select(p => p.Clone())];

    public string Add(object value, NpgsqlDbType type)
    {
        var name = "p" + _parameters.Count;
        _parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        return "@" + name;
    }

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
