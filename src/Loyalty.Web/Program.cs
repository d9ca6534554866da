using Loyalty.Web.Infrastructure;
using Loyalty.Web.Cli;
using Loyalty.Web.Infrastructure.Persistence;

if (ManagementCli.IsCommand(args))
{
    return await ManagementCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddLoyalty();
var app = builder.Build();
if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Database:MigrateOnStart", true))
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
}
app.UseLoyalty();
await app.RunAsync();
return 0;

public partial class Program;
