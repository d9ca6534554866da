using System.Reflection;

namespace Loyalty.Web.Features.Shared;

public static class FeatureHandlers
{
    /// <summary>Registers every use-case handler of Features/ (a class named *Handler) as scoped; controllers and the
    /// API inject the handler they need directly, no mediator in between.</summary>
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        var handlers = Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Handler", StringComparison.Ordinal)
                        && t.Namespace?.StartsWith("Loyalty.Web.Features", StringComparison.Ordinal) == true);
        foreach (var handler in handlers)
        {
            services.AddScoped(handler);
        }
        return services;
    }
}
