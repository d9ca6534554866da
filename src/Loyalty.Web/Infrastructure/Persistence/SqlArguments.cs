using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Web.Infrastructure.Persistence;

/// <summary>
/// The parameters of one hand-written statement, collected while its SQL is written: each value added answers its own
/// placeholder (<c>$1</c>, <c>$2</c>, …), so fragments composed in several methods or files never count positions by
/// hand. Positional rather than named (<c>@tenant</c>) because Npgsql sends positional SQL as it is, where named
/// parameters make it parse and rewrite every statement on the hot path.
/// </summary>
public sealed class SqlArguments
{
    private static readonly string[] Placeholders = [.. Enumerable.Range(0, 64).Select(i => $"${i}")];

    private readonly List<NpgsqlParameter> _parameters = [];

    public string Add<T>(T value) => Append(new NpgsqlParameter<T> { TypedValue = value });

    /// <summary>A value that may be null, with the type PostgreSQL cannot infer from a null.</summary>
    public string Add(object? value, NpgsqlDbType type) => Append(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });

    public NpgsqlBatchCommand Command(string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(_parameters.ToArray());
        return command;
    }

    private string Append(NpgsqlParameter parameter)
    {
        _parameters.Add(parameter);
        var position = _parameters.Count;
        return position < Placeholders.Length ? Placeholders[position] : $"${position}";
    }
}
