using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicService.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BoardCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BoardCounters",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivingAgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    FieldId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AlertLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardCounters", x => new { x.AgencyId, x.ReceivingAgencyId, x.FieldId, x.Status, x.AlertLevel });
                });

            // Backfill, then keep exact: every write to Dossiers, whoever makes it, moves the counts in the same
            // transaction. A dossier's field is its procedure version's, fixed once published.
            migrationBuilder.Sql(
                """
                INSERT INTO "BoardCounters" ("AgencyId", "ReceivingAgencyId", "FieldId", "Status", "AlertLevel", "Count")
                SELECT coalesce(d."CurrentAgencyId", d."ReceivingAgencyId"), d."ReceivingAgencyId", v."FieldId", d."Status", d."AlertLevel", count(*)
                FROM "Dossiers" AS d JOIN "ProcedureVersions" AS v ON v."Id" = d."ProcedureVersionId"
                GROUP BY 1, 2, 3, 4, 5;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "TR_Dossiers_BoardCounters_Insert" AFTER INSERT ON "Dossiers"
                BEGIN
                    INSERT INTO "BoardCounters" ("AgencyId", "ReceivingAgencyId", "FieldId", "Status", "AlertLevel", "Count")
                    VALUES (coalesce(NEW."CurrentAgencyId", NEW."ReceivingAgencyId"), NEW."ReceivingAgencyId",
                        (SELECT "FieldId" FROM "ProcedureVersions" WHERE "Id" = NEW."ProcedureVersionId"), NEW."Status", NEW."AlertLevel", 1)
                    ON CONFLICT ("AgencyId", "ReceivingAgencyId", "FieldId", "Status", "AlertLevel") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "TR_Dossiers_BoardCounters_Delete" AFTER DELETE ON "Dossiers"
                BEGIN
                    UPDATE "BoardCounters" SET "Count" = "Count" - 1
                    WHERE "AgencyId" = coalesce(OLD."CurrentAgencyId", OLD."ReceivingAgencyId") AND "ReceivingAgencyId" = OLD."ReceivingAgencyId"
                        AND "FieldId" = (SELECT "FieldId" FROM "ProcedureVersions" WHERE "Id" = OLD."ProcedureVersionId")
                        AND "Status" = OLD."Status" AND "AlertLevel" = OLD."AlertLevel";
                END;
                """);
            // Only when a counted column really changed: the scan and the calendar recompute rewrite AlertLevel
            // with its own value on most rows.
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "TR_Dossiers_BoardCounters_Update"
                AFTER UPDATE OF "CurrentAgencyId", "ReceivingAgencyId", "ProcedureVersionId", "Status", "AlertLevel" ON "Dossiers"
                WHEN OLD."CurrentAgencyId" IS NOT NEW."CurrentAgencyId" OR OLD."ReceivingAgencyId" IS NOT NEW."ReceivingAgencyId"
                    OR OLD."ProcedureVersionId" IS NOT NEW."ProcedureVersionId" OR OLD."Status" IS NOT NEW."Status" OR OLD."AlertLevel" IS NOT NEW."AlertLevel"
                BEGIN
                    UPDATE "BoardCounters" SET "Count" = "Count" - 1
                    WHERE "AgencyId" = coalesce(OLD."CurrentAgencyId", OLD."ReceivingAgencyId") AND "ReceivingAgencyId" = OLD."ReceivingAgencyId"
                        AND "FieldId" = (SELECT "FieldId" FROM "ProcedureVersions" WHERE "Id" = OLD."ProcedureVersionId")
                        AND "Status" = OLD."Status" AND "AlertLevel" = OLD."AlertLevel";
                    INSERT INTO "BoardCounters" ("AgencyId", "ReceivingAgencyId", "FieldId", "Status", "AlertLevel", "Count")
                    VALUES (coalesce(NEW."CurrentAgencyId", NEW."ReceivingAgencyId"), NEW."ReceivingAgencyId",
                        (SELECT "FieldId" FROM "ProcedureVersions" WHERE "Id" = NEW."ProcedureVersionId"), NEW."Status", NEW."AlertLevel", 1)
                    ON CONFLICT ("AgencyId", "ReceivingAgencyId", "FieldId", "Status", "AlertLevel") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"TR_Dossiers_BoardCounters_Update\";");
            migrationBuilder.Sql("DROP TRIGGER \"TR_Dossiers_BoardCounters_Delete\";");
            migrationBuilder.Sql("DROP TRIGGER \"TR_Dossiers_BoardCounters_Insert\";");
            migrationBuilder.DropTable(
                name: "BoardCounters");
        }
    }
}
