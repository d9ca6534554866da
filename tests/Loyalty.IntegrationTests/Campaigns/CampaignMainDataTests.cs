using System.Net;
using Loyalty.Domain.Campaigns;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Campaigns;

/// <summary>"Cadastro de Campanhas", "Dados Principais" and "F7 Tipos" (SPEC §6, seed 001).</summary>
public sealed class CampaignMainDataTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    private static Dictionary<string, string> MainData(CampaignWorld w, string description = "Verão Premiado") => new()
    {
        ["Description"] = description, ["StartDate"] = "2026-12-01", ["EndDate"] = "2027-02-28", ["TypeId"] = w.TypeId.ToString(),
        ["Situation"] = "Pending", ["Classification"] = "Fixed", ["Observation"] = "Só clientes com cartão", ["ForecastSales"] = "150.000,00",
        ["ForecastProfit"] = "30.000,50", ["ForecastCustomers"] = "1200",
    };

    [Fact]
    public async Task Create_Should_Show_Errors_Next_To_The_Fields_And_Keep_What_Was_Typed()
    {
        var w = await CampaignWorld.CreateAsync(App, "cm-a");
        var fields = MainData(w);
        fields["EndDate"] = "2026-11-30";
        fields["ForecastSales"] = "-5";
        fields["ForecastCustomers"] = "muitos";

        var response = await w.PostAsync("/campanhas/nova", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A data final deve ser igual ou posterior à data inicial.", Html.FieldMessage(html, "EndDate"));
        Assert.NotEmpty(Html.FieldMessage(html, "ForecastCustomers"));
        Assert.Equal("Verão Premiado", Html.InputValue(html, "Description"));
        Assert.Equal("2026-11-30", Html.InputValue(html, "EndDate"));
        Assert.Equal("muitos", Html.InputValue(html, "ForecastCustomers"));
        Assert.Contains("Só clientes com cartão", Html.Text(html));
        Assert.False(await App.InTenantAsync(w.Tenant.Id, db => db.Campaigns.AnyAsync()));
    }

    [Fact]
    public async Task Create_Should_Save_Every_Field_And_Go_On_To_The_Stores()
    {
        var w = await CampaignWorld.CreateAsync(App, "cm-b");
        var category = await App.CreateCategoryAsync(w.Tenant.Id, "Ouro");
        var fields = MainData(w).ToList();
        fields.Add(new("CategoryIds", category.ToString()));

        var response = await w.PostAsync("/campanhas/nova", fields);

        var campaign = await App.InTenantAsync(w.Tenant.Id, db => db.Campaigns.SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/campanhas/{campaign.Id}/filiais", response.Headers.Location?.OriginalString);
        Assert.Equal(("Verão Premiado", new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 28), w.TypeId), (campaign.Description, campaign.StartDate, campaign.EndDate, campaign.TypeId));
        Assert.Equal((CampaignSituation.Pending, CampaignClassification.Fixed), (campaign.Situation, campaign.Classification));
        Assert.Equal([category], campaign.CategoryIds);
        Assert.Equal((150_000m, 30_000.50m, (int?)1200), (campaign.ForecastSales!.Value, campaign.ForecastProfit!.Value, campaign.ForecastCustomers));
        Assert.Equal("Só clientes com cartão", campaign.Observation);
    }

    [Fact]
    public async Task Categories_Should_Be_Checkboxes_And_The_Checked_Ones_Saved()
    {
        var w = await CampaignWorld.CreateAsync(App, "cm-k");
        var gold = await App.CreateCategoryAsync(w.Tenant.Id, "Ouro");
        var silver = await App.CreateCategoryAsync(w.Tenant.Id, "Prata");
        var id = await w.CampaignAsync(App, CampaignClassification.Fixed);
        var page = Html.Parse(await w.Client.Http.GetStringAsync($"/campanhas/{id}/editar"));
        var boxes = page.QuerySelectorAll("[data-testid=campaign-categories] input[type=checkbox][name=CategoryIds]");
        Assert.Equal(3, boxes.Length); // Padrão, Ouro, Prata
        Assert.All(boxes, box => Assert.False(box.HasAttribute("checked")));
        Assert.Null(page.QuerySelector("select[name=CategoryIds]"));

        var fields = MainData(w).ToList();
        fields.Add(new("CategoryIds", gold.ToString()));
        fields.Add(new("CategoryIds", silver.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, (await w.PostAsync($"/campanhas/{id}/editar", fields)).StatusCode);

        Assert.Equal(new[] { gold, silver }.Order(), (await w.LoadAsync(App, id)).CategoryIds);
        page = Html.Parse(await w.Client.Http.GetStringAsync($"/campanhas/{id}/editar"));
        Assert.Equal(new[] { gold, silver }.Select(g => g.ToString()).Order(),
            page.QuerySelectorAll("[data-testid=campaign-categories] input[checked]").Select(box => box.GetAttribute("value")!).Order());
    }

    [Fact]
    public async Task Active_Without_Participating_Stores_Should_Be_Refused_Next_To_The_Situation()
    {
        var w = await CampaignWorld.CreateAsync(App, "cm-s");
        var fields = MainData(w);
        fields["Situation"] = "Active";

        var created = await w.PostAsync("/campanhas/nova", fields);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.StartsWith("Uma campanha ativa precisa de pelo menos uma loja participante",
            Html.FieldMessage(await created.Content.ReadAsStringAsync(), "Situation"));
        Assert.False(await App.InTenantAsync(w.Tenant.Id, db => db.Campaigns.AnyAsync()));

        var id = await w.CampaignAsync(App, CampaignClassification.Fixed, withStores: false);
        var edited = await w.PostAsync($"/campanhas/{id}/editar", fields);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.StartsWith("Uma campanha ativa precisa de pelo menos uma loja participante",
            Html.FieldMessage(await edited.Content.ReadAsStringAsync(), "Situation"));
        Assert.Equal(CampaignSituation.Pending, (await w.LoadAsync(App, id)).Situation);
    }

    [Fact]
    public async Task Edit_Should_Change_The_Main_Data_And_Refuse_A_New_Classification_Once_Rules_Exist()
    {
        var w = await CampaignWorld.CreateAsync(App, "cm-c");
        var id = await w.CampaignAsync(App, CampaignClassification.Periodic);
        await w.PostAsync($"/campanhas/{id}/periodo/estabelecimento", [new("Rows[0].StoreId", w.StoreA.ToString()), new("Rows[0].ExtraPoints", "10")]);

        var edited = MainData(w, "Verão Premiado 2");
        edited["Classification"] = "Periodic";
        Assert.Equal(HttpStatusCode.Redirect, (await w.PostAsync($"/campanhas/{id}/editar", edited)).StatusCode);
        Assert.Equal("Verão Premiado 2", (await w.LoadAsync(App, id)).Description);

        edited["Classification"] = "Fixed";
        var refused = await w.PostAsync($"/campanhas/{id}/editar", edited);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEmpty(Html.FieldMessage(html, "Classification"));
        Assert.Equal(CampaignClassification.Periodic, (await w.LoadAsync(App, id)).Classification);
    }

    [Fact]
    public async Task List_Should_Filter_By_Situation_Classification_And_Text_Newest_First()
    {
        var w = await CampaignWorld.CreateAsync(App, "cm-d");
        await w.CampaignAsync(App, CampaignClassification.Fixed, description: "Fidelidade Combustível");
        await w.CampaignAsync(App, CampaignClassification.Periodic, description: "Natal Premiado");
        await w.CampaignAsync(App, CampaignClassification.Periodic, withStores: false, description: "Páscoa Premiada");

        static List<string> Rows(string html) =>
            [.. Html.Parse(html).QuerySelectorAll("[data-testid=campaign-row] td:first-child").Select(td => td.TextContent.Trim())];

        Assert.Equal(["Páscoa Premiada", "Natal Premiado", "Fidelidade Combustível"], Rows(await w.Client.Http.GetStringAsync("/campanhas")));
        Assert.Equal(["Páscoa Premiada", "Natal Premiado"], Rows(await w.Client.Http.GetStringAsync("/campanhas?Classification=Periodic")));
        Assert.Equal(["Natal Premiado"], Rows(await w.Client.Http.GetStringAsync("/campanhas?Q=natal&Situation=Active")));
        Assert.Empty(Rows(await w.Client.Http.GetStringAsync("/campanhas?Situation=Cancelled")));
    }

    [Fact]
    public async Task Situation_Change_Should_Show_On_The_Summary_And_In_The_Audit_Log()
    {
        var w = await CampaignWorld.CreateAsync(App, "cm-e");
        var id = await w.CampaignAsync(App, CampaignClassification.Fixed);

        var response = await w.PostAsync($"/campanhas/{id}/situacao", [new("Situation", "Inactive")], $"/campanhas/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CampaignSituation.Inactive, (await w.LoadAsync(App, id)).Situation);
        var summary = Html.Parse(await w.Client.Http.GetStringAsync($"/campanhas/{id}"));
        Assert.Equal("Inativa", summary.QuerySelector("[data-testid=campaign-situation]")?.TextContent.Trim());
        Assert.Equal(["Situação: Ativa → Inativa"], summary.QuerySelectorAll("[data-testid=history-change]")
            .Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        Assert.Equal(2, await App.InTenantAsync(w.Tenant.Id, db => db.AuditEntries
            .CountAsync(a => a.EntityType == nameof(Campaign) && a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task Campaign_Type_Should_Be_Added_Renamed_And_Deleted_Only_When_Unused()
    {
        var w = await CampaignWorld.CreateAsync(App, "cm-f");
        await w.CampaignAsync(App, CampaignClassification.Fixed);

        Assert.Equal(HttpStatusCode.Redirect, (await w.PostAsync("/campanhas/tipos", [new("Name", "Temporária")])).StatusCode);
        var duplicate = await w.PostAsync("/campanhas/tipos", [new("Name", "Promocional")]);
        Assert.Contains("Já existe um tipo com este nome.", Html.Text(await duplicate.Content.ReadAsStringAsync()));
        var added = await App.InTenantAsync(w.Tenant.Id, db => db.CampaignTypes.SingleAsync(t => t.Name == "Temporária"));
        await w.PostAsync($"/campanhas/tipos/{added.Id}", [new("Name", "Temporária de verão")], "/campanhas/tipos");
        Assert.True(await App.InTenantAsync(w.Tenant.Id, db => db.CampaignTypes.AnyAsync(t => t.Name == "Temporária de verão")));

        var refused = await w.PostAsync($"/campanhas/tipos/{w.TypeId}/excluir", [], "/campanhas/tipos");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("Este tipo está em uso por campanhas e não pode ser excluído.", Html.Text(await w.Client.Http.GetStringAsync("/campanhas/tipos")));
        Assert.True(await App.InTenantAsync(w.Tenant.Id, db => db.CampaignTypes.AnyAsync(t => t.Id == w.TypeId)));

        await w.PostAsync($"/campanhas/tipos/{added.Id}/excluir", [], "/campanhas/tipos");
        Assert.False(await App.InTenantAsync(w.Tenant.Id, db => db.CampaignTypes.AnyAsync(t => t.Id == added.Id)));
    }
}
