using Microsoft.EntityFrameworkCore;

namespace Loyalty.Testing;

/// <summary>The plan PostgreSQL chooses for the SQL EF generates, run as the app role under the scope's tenant (RLS on).</summary>
public static class QueryPlans
{
    public static async Task<string> ExplainAsync<T>(DbContext db, IQueryable<T> query, bool analyze = false)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = query.CreateDbCommand();
            command.CommandText = (analyze ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ") + command.CommandText;
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
            return string.Join('\n', lines);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
