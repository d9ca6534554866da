using System.Net;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Security;

/// <summary>Outside Development an unhandled exception shows the generic page, never a stack trace.</summary>
public sealed class ErrorPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Generic = "Ocorreu um erro inesperado.";

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Unhandled_Exception_Should_Show_The_Generic_Page_When_Not_In_Development(string method)
    {
        await using var app = fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddControllersWithViews().AddApplicationPart(typeof(FailingController).Assembly)));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), FailingController.Path));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(Generic, Html.Text(body));
        Assert.DoesNotContain(FailingController.Secret, body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("InvalidOperationException", body);
    }

    [Fact]
    public async Task Unhandled_Exception_In_The_Api_Should_Answer_Problem_Details_Without_Details()
    {
        await using var app = fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddControllersWithViews().AddApplicationPart(typeof(FailingController).Assembly)));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync(FailingController.ApiPath);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(FailingController.Secret, body);
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task Unknown_Page_Should_Show_The_Not_Found_Page()
    {
        var t = await fixture.App.CreateTenantAsync("err-a");
        using var client = fixture.App.CreateStaffClient();
        await client.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        var response = await client.Http.GetAsync("/nao-existe");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Não encontramos o que você procurava.", Html.Text(await response.Content.ReadAsStringAsync()));
    }
}

/// <summary>Only in the app of <see cref="ErrorPageTests"/>: an action that fails, as a bug would.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class FailingController : Controller
{
    public const string Path = "/teste/falha";
    public const string ApiPath = "/api/teste/falha";
    public const string Secret = "connection refused at 10.0.0.7";

    [Route(Path)]
    [Route(ApiPath)]
    public IActionResult Fail() => throw new InvalidOperationException(Secret + $" ({HttpContext.Request.Method})");
}
