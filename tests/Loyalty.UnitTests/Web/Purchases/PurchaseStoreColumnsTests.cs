using System.Text.RegularExpressions;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Loyalty.UnitTests.Web.Purchases;

/// <summary>
/// The POS purchase writes its rows with hand-written SQL (<c>PurchaseStore*.cs</c>), beside EF's mapping of the same
/// tables: a column added to the mapping must be written there too, or a purchase would store it as null or its default
/// while every other path stores the entity's value.
/// </summary>
public sealed partial class PurchaseStoreColumnsTests
{
    private static readonly Lazy<IModel> Model = new(() =>
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        return db.Model;
    });

    [Fact]
    public void The_Purchase_Statements_Write_The_Purchase_Its_Lines_The_Accrual_And_The_Campaign_Rows()
    {
        Assert.Equal(
            ["campaign_progress", "gift_vouchers", "ledger_entries", "points_accounts", "points_lots", "purchase_items", "purchase_payments", "purchases"],
            HandWrittenInserts().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_Column_EF_Maps_Is_Written_By_The_Hand_Written_Inserts()
    {
        var missing = HandWrittenInserts()
            .SelectMany(insert => ColumnsTheAppWrites(insert.Key).Except(insert.Value).Select(column => $"{insert.Key}.{column}"))
            .ToList();

        Assert.True(missing.Count == 0, $"add to the INSERT in PurchaseStore*.cs: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_Column_The_Inserts_Name_Is_Mapped()
    {
        var unknown = HandWrittenInserts()
            .SelectMany(insert => insert.Value.Except(MappedColumns(insert.Key)).Select(column => $"{insert.Key}.{column}"))
            .ToList();

        Assert.Empty(unknown);
    }

    /// <summary>Every mapped column but those PostgreSQL fills itself (identity keys, generated columns, defaults).</summary>
    private static IEnumerable<string> ColumnsTheAppWrites(string table) =>
        Properties(table).Where(p => p.GetComputedColumnSql() is null && p.GetDefaultValueSql() is null
                                     && p.GetValueGenerationStrategy() == NpgsqlValueGenerationStrategy.None)
            .Select(p => p.GetColumnName());

    private static IEnumerable<string> MappedColumns(string table) => Properties(table).Select(p => p.GetColumnName());

    private static List<IProperty> Properties(string table)
    {
        var entities = Model.Value.GetEntityTypes().Where(e => e.GetTableName() == table).ToList();
        Assert.True(entities.Count > 0, $"no entity maps {table}");
        return [.. entities.SelectMany(e => e.GetFlattenedProperties()).Distinct()];
    }

    /// <summary>Table → the columns its INSERTs in the purchase store name (the union, when several insert into it).</summary>
    private static Dictionary<string, HashSet<string>> HandWrittenInserts()
    {
        var inserts = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src", "Loyalty.Web", "Features", "Purchases"), "PurchaseStore*.cs"))
        {
            foreach (Match insert in InsertRegex().Matches(File.ReadAllText(file)))
            {
                var columns = insert.Groups["columns"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                inserts.TryAdd(insert.Groups["table"].Value, new HashSet<string>(StringComparer.Ordinal));
                inserts[insert.Groups["table"].Value].UnionWith(columns);
            }
        }
        return inserts;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Loyalty.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Loyalty.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"INSERT INTO (?<table>\w+) \((?<columns>[^)]*)\)")]
    private static partial Regex InsertRegex();
}
