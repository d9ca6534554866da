using System;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Loyalty.Web.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Name search that row-level security lets use an index: the words of each customer's search_name in
    /// customer_name_words (kept by a trigger, so every way a customer is written or renamed keeps them right), and
    /// list indexes ordered by search_name. The trigram index goes: under RLS the app role can never use it for LIKE.
    /// </summary>
    public partial class CustomerSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customers_search_name_trgm",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_tenant_id_category_id",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_tenant_id_name_id",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_tenant_id_registering_store_id",
                table: "customers");

            migrationBuilder.CreateTable(
                name: "customer_name_words",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    word = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_name_words", x => new { x.tenant_id, x.word, x.customer_id });
                    table.ForeignKey(
                        name: "fk_customer_name_words_customers_tenant_id_customer_id",
                        columns: x => new { x.tenant_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            // The trigger runs as whoever writes the customer (the app role, under the same tenant policy); the words
            // are those PostgreSQL itself splits from search_name, the same rule CustomerSearchTerm.Words applies.
            migrationBuilder.Sql("""
                CREATE FUNCTION customer_name_words_sync() RETURNS trigger
                    LANGUAGE plpgsql SET search_path = public AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        IF NEW.search_name IS NOT DISTINCT FROM OLD.search_name THEN
                            RETURN NULL;
                        END IF;
                        DELETE FROM customer_name_words WHERE tenant_id = OLD.tenant_id AND customer_id = OLD.id;
                    END IF;
                    INSERT INTO customer_name_words (tenant_id, customer_id, word)
                    SELECT DISTINCT NEW.tenant_id, NEW.id, left(w, 120)
                    FROM regexp_split_to_table(NEW.search_name, '[^[:alnum:]]+') AS w
                    WHERE w <> '';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER customers_name_words AFTER INSERT OR UPDATE OF name ON customers
                    FOR EACH ROW EXECUTE FUNCTION customer_name_words_sync();
                """);
            // Existing customers: the owner is subject to the tenant policy (FORCE), so it is lifted for the copy only,
            // inside this migration's transaction.
            migrationBuilder.Sql("""
                ALTER TABLE customers NO FORCE ROW LEVEL SECURITY;
                INSERT INTO customer_name_words (tenant_id, customer_id, word)
                SELECT DISTINCT c.tenant_id, c.id, left(w, 120)
                FROM customers c, regexp_split_to_table(c.search_name, '[^[:alnum:]]+') AS w
                WHERE w <> '';
                ALTER TABLE customers FORCE ROW LEVEL SECURITY;
                """);
            migrationBuilder.EnableTenantIsolation("customer_name_words");

            migrationBuilder.CreateIndex(
                name: "ix_customers_inactive_by_name",
                table: "customers",
                columns: new[] { "tenant_id", "search_name", "id" },
                filter: "status = 'Inactive'");

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_id_category_id_search_name_id",
                table: "customers",
                columns: new[] { "tenant_id", "category_id", "search_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_id_registering_store_id_search_name_id",
                table: "customers",
                columns: new[] { "tenant_id", "registering_store_id", "search_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_id_search_name_id",
                table: "customers",
                columns: new[] { "tenant_id", "search_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_name_words_tenant_id_customer_id_word",
                table: "customer_name_words",
                columns: new[] { "tenant_id", "customer_id", "word" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER customers_name_words ON customers;
                DROP FUNCTION customer_name_words_sync();
                """);
            migrationBuilder.DropTable(
                name: "customer_name_words");

            migrationBuilder.DropIndex(
                name: "ix_customers_inactive_by_name",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_tenant_id_category_id_search_name_id",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_tenant_id_registering_store_id_search_name_id",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_tenant_id_search_name_id",
                table: "customers");

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
                name: "ix_customers_tenant_id_name_id",
                table: "customers",
                columns: new[] { "tenant_id", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_id_registering_store_id",
                table: "customers",
                columns: new[] { "tenant_id", "registering_store_id" });
        }
    }
}
