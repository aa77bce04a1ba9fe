using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconnect.Api.Infrastructure.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ConsecutiveSyncFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ConsecutiveFailures",
                table: "MailboxSyncs",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConsecutiveFailures",
                table: "MailboxSyncs");
        }
    }
}
