using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Web.Api.Customers;

/// <summary>409 of POST /api/v1/customers: the document is already registered in the tenant. The existing customer's id
/// lets the integration carry on with that customer instead of registering again.</summary>
public sealed class CustomerExistsProblem : ProblemDetails
{
    public Guid CustomerId { get; init; }

    public static CustomerExistsProblem From(ProblemDetails problem, Guid customerId)
    {
        var conflict = new CustomerExistsProblem
        {
            Type = problem.Type,
            Title = problem.Title,
            Status = problem.Status,
            Detail = problem.Detail,
            Instance = problem.Instance,
            CustomerId = customerId,
        };
        foreach (var (name, value) in problem.Extensions)
        {
            conflict.Extensions[name] = value;
        }
        return conflict;
    }
}
