using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Loyalty.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AgreementCompanies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "agreement_company_id",
                table: "customers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "agreement_companies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    cnpj = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    name_on_embosser_file = table.Column<bool>(type: "boolean", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreement_companies", x => x.id);
                    table.UniqueConstraint("ak_agreement_companies_tenant_id_id", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_agreement_companies_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_id_agreement_company_id",
                table: "customers",
                columns: new[] { "tenant_id", "agreement_company_id" });

            migrationBuilder.CreateIndex(
                name: "ix_agreement_companies_tenant_id_cnpj",
                table: "agreement_companies",
                columns: new[] { "tenant_id", "cnpj" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_customers_agreement_companies_tenant_id_agreement_company_id",
                table: "customers",
                columns: new[] { "tenant_id", "agreement_company_id" },
                principalTable: "agreement_companies",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.EnableTenantIsolation("agreement_companies");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantIsolation("agreement_companies");

            migrationBuilder.DropForeignKey(
                name: "fk_customers_agreement_companies_tenant_id_agreement_company_id",
                table: "customers");

            migrationBuilder.DropTable(
                name: "agreement_companies");

            migrationBuilder.DropIndex(
                name: "ix_customers_tenant_id_agreement_company_id",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "agreement_company_id",
                table: "customers");
        }
    }
}
