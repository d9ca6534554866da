namespace Loyalty.Domain.Categories;

/// <summary>How the accruals of a category's customers are audited (SPEC §2, seed 000 "Parâmetro de auditoria").</summary>
public enum AuditParameter
{
    /// <summary>"Utiliza as regras padrões de antifraude": the tenant's default rule set applies.</summary>
    UseTenantRules = 1,

    /// <summary>"Necessita de aprovação de pontos": every accrual waits for manual approval.</summary>
    RequireApproval = 2,

    /// <summary>"Ignorar regras de antifraude": no rule applies.</summary>
    IgnoreRules = 3,

    /// <summary>"Definir novas regras para a categoria": the category's own rule set applies instead of the tenant's.</summary>
    CustomRules = 4,
}
