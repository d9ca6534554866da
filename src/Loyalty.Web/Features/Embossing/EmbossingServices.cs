namespace Loyalty.Web.Features.Embossing;

public static class EmbossingServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<EmbossingFaults>();
        services.AddScoped<EmbossingProgress>();
        services.AddScoped<EmbossingBatchGenerator>();
        services.AddTransient<EmbossingJob>();
        services.AddScoped<EmbossingPdfs>();
    }
}
