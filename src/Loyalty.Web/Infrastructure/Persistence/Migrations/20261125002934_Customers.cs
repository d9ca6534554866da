using System;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Loyalty.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Customers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Accent- and case-insensitive name search: unaccent is only STABLE, so an IMMUTABLE wrapper with a fixed
            // dictionary lets a generated column and a trigram index use it. Both extensions are trusted (PG 13+):
            // the database owner creates them without superuser rights.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
                """);
            migrationBuilder.CreateTable(
                name: "customer_categories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    multiplier = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false),
                    validity_days = table.Column<int>(type: "integer", nullable: true),
                    audit_parameter = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    is_default = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    custom_rules_max_points_per_card_per_day = table.Column<long>(type: "bigint", nullable: true),
                    custom_rules_max_points_per_purchase = table.Column<long>(type: "bigint", nullable: true),
                    custom_rules_max_purchase_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    custom_rules_max_purchases_per_card_per_day = table.Column<int>(type: "integer", nullable: true),
                    custom_rules_max_purchases_per_card_per_store_per_day = table.Column<int>(type: "integer", nullable: true),
                    custom_rules_min_minutes_between_purchases = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_categories", x => x.id);
                    table.UniqueConstraint("ak_customer_categories_tenant_id_id", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_customer_categories_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "program_settings",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mandatory_fields = table.Column<int>(type: "integer", nullable: false),
                    minimum_titular_age = table.Column<int>(type: "integer", nullable: false),
                    card_prefix = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    card_length = table.Column<int>(type: "integer", nullable: false),
                    next_card_sequence = table.Column<long>(type: "bigint", nullable: false),
                    default_rules_max_points_per_card_per_day = table.Column<long>(type: "bigint", nullable: true),
                    default_rules_max_points_per_purchase = table.Column<long>(type: "bigint", nullable: true),
                    default_rules_max_purchase_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    default_rules_max_purchases_per_card_per_day = table.Column<int>(type: "integer", nullable: true),
                    default_rules_max_purchases_per_card_per_store_per_day = table.Column<int>(type: "integer", nullable: true),
                    default_rules_min_minutes_between_purchases = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_program_settings", x => x.tenant_id);
                    table.ForeignKey(
                        name: "fk_program_settings_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_type = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    document = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    gender = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    mother_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    category_id = table.Column<Guid>(type: "uuid", nullable: false),
                    titular_id = table.Column<Guid>(type: "uuid", nullable: true),
                    redeem_scope = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    mobile_phone = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    email = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    origin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    registering_store_id = table.Column<Guid>(type: "uuid", nullable: true),
                    registering_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    search_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true, computedColumnSql: "immutable_unaccent(lower(name))", stored: true),
                    address_cep = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    address_city = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    address_complement = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    address_neighborhood = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    address_number = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    address_street = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    address_uf = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => x.id);
                    table.UniqueConstraint("ak_customers_tenant_id_id", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_customers_customer_categories_tenant_id_category_id",
                        columns: x => new { x.tenant_id, x.category_id },
                        principalTable: "customer_categories",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customers_customers_tenant_id_titular_id",
                        columns: x => new { x.tenant_id, x.titular_id },
                        principalTable: "customers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customers_stores_tenant_id_registering_store_id",
                        columns: x => new { x.tenant_id, x.registering_store_id },
                        principalTable: "stores",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customers_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    was_generated = table.Column<bool>(type: "boolean", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cards", x => x.id);
                    table.ForeignKey(
                        name: "fk_cards_customers_tenant_id_customer_id",
                        columns: x => new { x.tenant_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "redemption_blocks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    blocked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    blocked_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    blocked_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    removed_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    removed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_redemption_blocks", x => x.id);
                    table.ForeignKey(
                        name: "fk_redemption_blocks_customers_tenant_id_customer_id",
                        columns: x => new { x.tenant_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cards_tenant_id_customer_id",
                table: "cards",
                columns: new[] { "tenant_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_cards_tenant_id_number",
                table: "cards",
                columns: new[] { "tenant_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customer_categories_tenant_id_name",
                table: "customer_categories",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_customer_categories_default",
                table: "customer_categories",
                column: "tenant_id",
                unique: true,
                filter: "is_default");

            migrationBuilder.CreateIndex(
                name: "ix_customers_search_name_trgm",
                table: "customers",
                column: "search_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_id_category_id",
                table: "customers",
                columns: new[] { "tenant_id", "category_id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_id_document",
                table: "customers",
                columns: new[] { "tenant_id", "document" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_id_email",
                table: "customers",
                columns: new[] { "tenant_id", "email" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_id_mobile_phone",
                table: "customers",
                columns: new[] { "tenant_id", "mobile_phone" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_id_name_id",
                table: "customers",
                columns: new[] { "tenant_id", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_id_registering_store_id",
                table: "customers",
                columns: new[] { "tenant_id", "registering_store_id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_id_titular_id",
                table: "customers",
                columns: new[] { "tenant_id", "titular_id" });

            migrationBuilder.CreateIndex(
                name: "ix_redemption_blocks_tenant_id_blocked_at",
                table: "redemption_blocks",
                columns: new[] { "tenant_id", "blocked_at" });

            migrationBuilder.CreateIndex(
                name: "ux_redemption_blocks_in_force",
                table: "redemption_blocks",
                columns: new[] { "tenant_id", "customer_id" },
                unique: true,
                filter: "removed_at IS NULL");

            // Tenants created before this migration get their settings and the default category "Padrão" (SPEC §2);
            // written before row-level security is switched on for these tables.
            migrationBuilder.Sql("""
                INSERT INTO program_settings (tenant_id, mandatory_fields, minimum_titular_age, card_prefix, card_length, next_card_sequence)
                SELECT id, 0, 16, '6062', 16, 1 FROM tenants;
                INSERT INTO customer_categories (id, tenant_id, name, multiplier, validity_days, audit_parameter, is_active, is_default, created_at)
                SELECT gen_random_uuid(), id, 'Padrão', 1, 365, 'UseTenantRules', true, true, now() FROM tenants;
                """);
            foreach (var table in new[] { "program_settings", "customer_categories", "customers", "cards", "redemption_blocks" })
            {
                migrationBuilder.EnableTenantIsolation(table);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cards");

            migrationBuilder.DropTable(
                name: "program_settings");

            migrationBuilder.DropTable(
                name: "redemption_blocks");

            migrationBuilder.DropTable(
                name: "customers");

            migrationBuilder.DropTable(
                name: "customer_categories");
        }
    }
}
