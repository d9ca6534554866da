using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Loyalty.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CreditAnalysis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "approval_authority",
                table: "staff_users",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "credit_additional_income",
                table: "customers",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "credit_marital_status",
                table: "customers",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "credit_monthly_income",
                table: "customers",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "credit_months_at_employer",
                table: "customers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "credit_months_at_residence",
                table: "customers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "credit_occupation",
                table: "customers",
                type: "character varying(14)",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "credit_occupation_description",
                table: "customers",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "credit_proven_income",
                table: "customers",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "credit_residence_type",
                table: "customers",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "credit_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    card_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    outcome = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    score = table.Column<int>(type: "integer", nullable: true),
                    score_set_id = table.Column<Guid>(type: "uuid", nullable: true),
                    limit = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    reasons = table.Column<int>(type: "integer", nullable: false),
                    observation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    analyst_id = table.Column<Guid>(type: "uuid", nullable: true),
                    analyst_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_decisions", x => x.id);
                    table.UniqueConstraint("ak_credit_decisions_tenant_id_id", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_credit_decisions_cards_tenant_id_card_id",
                        columns: x => new { x.tenant_id, x.card_id },
                        principalTable: "cards",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_credit_decisions_customers_tenant_id_customer_id",
                        columns: x => new { x.tenant_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "credit_modalities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_modalities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_score_sets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    minimum_score = table.Column<int>(type: "integer", nullable: false),
                    currency_index = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_score_sets", x => x.id);
                    table.UniqueConstraint("ak_credit_score_sets_tenant_id_id", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "credit_decision_shares",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    modality_id = table.Column<Guid>(type: "uuid", nullable: false),
                    modality_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_decision_shares", x => x.id);
                    table.ForeignKey(
                        name: "fk_credit_decision_shares_credit_decisions_tenant_id_decision_",
                        columns: x => new { x.tenant_id, x.decision_id },
                        principalTable: "credit_decisions",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "credit_limit_bands",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    set_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score_from = table.Column<int>(type: "integer", nullable: false),
                    score_to = table.Column<int>(type: "integer", nullable: true),
                    limit = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_limit_bands", x => x.id);
                    table.ForeignKey(
                        name: "fk_credit_limit_bands_credit_score_sets_tenant_id_set_id",
                        columns: x => new { x.tenant_id, x.set_id },
                        principalTable: "credit_score_sets",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "credit_score_weights",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    set_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attribute = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    option = table.Column<int>(type: "integer", nullable: true),
                    range_from = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    range_to = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    points = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_score_weights", x => x.id);
                    table.ForeignKey(
                        name: "fk_credit_score_weights_credit_score_sets_tenant_id_set_id",
                        columns: x => new { x.tenant_id, x.set_id },
                        principalTable: "credit_score_sets",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_credit_decision_shares_tenant_id_decision_id",
                table: "credit_decision_shares",
                columns: new[] { "tenant_id", "decision_id" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_decisions_tenant_id_card_id",
                table: "credit_decisions",
                columns: new[] { "tenant_id", "card_id" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_decisions_tenant_id_customer_id_decided_at",
                table: "credit_decisions",
                columns: new[] { "tenant_id", "customer_id", "decided_at" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_decisions_tenant_id_run_id",
                table: "credit_decisions",
                columns: new[] { "tenant_id", "run_id" },
                filter: "run_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_credit_limit_bands_tenant_id_set_id",
                table: "credit_limit_bands",
                columns: new[] { "tenant_id", "set_id" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_modalities_tenant_id_name",
                table: "credit_modalities",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_score_sets_tenant_id_effective_from",
                table: "credit_score_sets",
                columns: new[] { "tenant_id", "effective_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_score_weights_tenant_id_set_id",
                table: "credit_score_weights",
                columns: new[] { "tenant_id", "set_id" });

            foreach (var table in CreditTables)
            {
                migrationBuilder.EnableTenantIsolation(table);
            }
        }

        private static readonly string[] CreditTables =
        [
            "credit_score_sets", "credit_score_weights", "credit_limit_bands", "credit_modalities", "credit_decisions",
            "credit_decision_shares",
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_decision_shares");

            migrationBuilder.DropTable(
                name: "credit_limit_bands");

            migrationBuilder.DropTable(
                name: "credit_modalities");

            migrationBuilder.DropTable(
                name: "credit_score_weights");

            migrationBuilder.DropTable(
                name: "credit_decisions");

            migrationBuilder.DropTable(
                name: "credit_score_sets");

            migrationBuilder.DropColumn(
                name: "approval_authority",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "credit_additional_income",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "credit_marital_status",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "credit_monthly_income",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "credit_months_at_employer",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "credit_months_at_residence",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "credit_occupation",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "credit_occupation_description",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "credit_proven_income",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "credit_residence_type",
                table: "customers");
        }
    }
}
