namespace Loyalty.Domain.Common;

/// <summary>Marks an entity whose every insert, update and delete is written to the audit log with before/after values.</summary>
public interface IAudited
{
}
