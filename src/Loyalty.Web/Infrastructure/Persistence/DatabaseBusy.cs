using Npgsql;

namespace Loyalty.Web.Infrastructure.Persistence;

/// <summary>
/// The database cannot take more work right now — the pool had no free connection within its Timeout, or the server
/// refused a new one (53300 too_many_connections, 57P03 cannot_connect_now). A burst of calls must get 503 with
/// Retry-After, which tells a POS to try again, never 500. EF and our own code may wrap the error, so the whole chain is read.
/// </summary>
public static class DatabaseBusy
{
    /// <summary>Seconds a caller is asked to wait: a burst drains within a few seconds.</summary>
    public const int RetryAfterSeconds = 2;

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow }:
                    return true;
                // Npgsql's pool timeout: "The connection pool has been exhausted, either raise 'Max Pool Size' …", over a TimeoutException.
                case NpgsqlException { InnerException: TimeoutException } npgsql
                    when npgsql.Message.StartsWith("The connection pool has been exhausted", StringComparison.Ordinal):
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(Is):
                    return true;
            }
        }
        return false;
    }
}
