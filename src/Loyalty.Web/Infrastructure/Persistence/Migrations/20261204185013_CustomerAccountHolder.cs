using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Loyalty.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CustomerAccountHolder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "account_holder_id",
                table: "customers",
                type: "uuid",
                nullable: false,
                computedColumnSql: "coalesce(titular_id, id)",
                stored: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "account_holder_id",
                table: "customers");
        }
    }
}
