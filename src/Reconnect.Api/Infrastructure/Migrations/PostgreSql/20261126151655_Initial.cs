using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Reconnect.Api.Infrastructure.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Mailboxes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    OwnAddresses = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    PeopleVersion = table.Column<long>(type: "bigint", nullable: false),
                    StaleAfterMonths = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mailboxes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    MailboxId = table.Column<int>(type: "integer", nullable: false),
                    ContactId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    DisplayName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    GivenName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Surname = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    CompanyName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Addresses = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => new { x.MailboxId, x.ContactId });
                    table.ForeignKey(
                        name: "FK_Contacts_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Correspondents",
                columns: table => new
                {
                    MailboxId = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    NameFromSender = table.Column<bool>(type: "boolean", nullable: false),
                    NameSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentCount = table.Column<int>(type: "integer", nullable: false),
                    ReceivedCount = table.Column<int>(type: "integer", nullable: false),
                    FirstSent = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSent = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstReceived = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastReceived = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BulkCount = table.Column<int>(type: "integer", nullable: false),
                    OtherCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Correspondents", x => new { x.MailboxId, x.Address });
                    table.ForeignKey(
                        name: "FK_Correspondents_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Feedback",
                columns: table => new
                {
                    MailboxId = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    SnoozedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Dismissed = table.Column<bool>(type: "boolean", nullable: false),
                    NotAPerson = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Feedback", x => new { x.MailboxId, x.Address });
                    table.ForeignKey(
                        name: "FK_Feedback_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FolderCursors",
                columns: table => new
                {
                    MailboxId = table.Column<int>(type: "integer", nullable: false),
                    FolderId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    DisplayName = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    NextLink = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    DeltaLink = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    TotalItemCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FolderCursors", x => new { x.MailboxId, x.FolderId });
                    table.ForeignKey(
                        name: "FK_FolderCursors_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndexedEvents",
                columns: table => new
                {
                    MailboxId = table.Column<int>(type: "integer", nullable: false),
                    GraphId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    MeetingKey = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Start = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Subject = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    GroupSize = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexedEvents", x => new { x.MailboxId, x.GraphId });
                    table.ForeignKey(
                        name: "FK_IndexedEvents_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndexedMessages",
                columns: table => new
                {
                    MailboxId = table.Column<int>(type: "integer", nullable: false),
                    MessageKey = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Subject = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    CopyCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexedMessages", x => new { x.MailboxId, x.MessageKey });
                    table.ForeignKey(
                        name: "FK_IndexedMessages_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Interactions",
                columns: table => new
                {
                    MailboxId = table.Column<int>(type: "integer", nullable: false),
                    SourceKey = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Address = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GroupSize = table.Column<int>(type: "integer", nullable: false),
                    Bulk = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interactions", x => new { x.MailboxId, x.SourceKey, x.Address });
                    table.ForeignKey(
                        name: "FK_Interactions_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MailboxSyncs",
                columns: table => new
                {
                    MailboxId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MessagesProcessed = table.Column<long>(type: "bigint", nullable: false),
                    MessagesEstimated = table.Column<long>(type: "bigint", nullable: false),
                    ItemsSkipped = table.Column<long>(type: "bigint", nullable: false),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    LeaseExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxSyncs", x => x.MailboxId);
                    table.ForeignKey(
                        name: "FK_MailboxSyncs_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MessageCopies",
                columns: table => new
                {
                    MailboxId = table.Column<int>(type: "integer", nullable: false),
                    GraphId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    MessageKey = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    FolderId = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageCopies", x => new { x.MailboxId, x.GraphId });
                    table.ForeignKey(
                        name: "FK_MessageCopies_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    MailboxId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Profile = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => new { x.MailboxId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_People_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserTemplates",
                columns: table => new
                {
                    MailboxId = table.Column<int>(type: "integer", nullable: false),
                    Strategy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    Subject = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Body = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserTemplates", x => new { x.MailboxId, x.Strategy });
                    table.ForeignKey(
                        name: "FK_UserTemplates_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndexedEvents_MailboxId_MeetingKey",
                table: "IndexedEvents",
                columns: new[] { "MailboxId", "MeetingKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_MailboxId_Address_Date",
                table: "Interactions",
                columns: new[] { "MailboxId", "Address", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Mailboxes_TenantId_ObjectId",
                table: "Mailboxes",
                columns: new[] { "TenantId", "ObjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessageCopies_MailboxId_FolderId",
                table: "MessageCopies",
                columns: new[] { "MailboxId", "FolderId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "Correspondents");

            migrationBuilder.DropTable(
                name: "Feedback");

            migrationBuilder.DropTable(
                name: "FolderCursors");

            migrationBuilder.DropTable(
                name: "IndexedEvents");

            migrationBuilder.DropTable(
                name: "IndexedMessages");

            migrationBuilder.DropTable(
                name: "Interactions");

            migrationBuilder.DropTable(
                name: "MailboxSyncs");

            migrationBuilder.DropTable(
                name: "MessageCopies");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "UserTemplates");

            migrationBuilder.DropTable(
                name: "Mailboxes");
        }
    }
}
