package io.aimsgate.audit.internal;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL only: triggers that make the ledger tables append-only (UPDATE, DELETE and TRUNCATE are refused) and
 * let the chain head only move one entry forward. A Java migration because the project's Flyway locations have no
 * per-database folder; on H2 it does nothing (docs/ledger.md, docs/operations.md "Decision ledger"). Spring Boot
 * hands every {@code JavaMigration} bean to Flyway; the class name carries the version.
 */
@Component
class V7_5_1__Ledger_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("""
                    CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      RAISE EXCEPTION 'The decision ledger is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
                        USING ERRCODE = 'insufficient_privilege';
                    END $$""");
            for (String table : new String[] {"audit_entry", "audit_checkpoint", "audit_signing_key"}) {
                sql.execute("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE OR DELETE ON " + table
                        + " FOR EACH ROW EXECUTE PROCEDURE audit_refuse_change()");
                sql.execute("CREATE TRIGGER " + table + "_no_truncate BEFORE TRUNCATE ON " + table
                        + " FOR EACH STATEMENT EXECUTE PROCEDURE audit_refuse_change()");
            }
            sql.execute("""
                    CREATE OR REPLACE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.seq = OLD.seq + 1 THEN
                        RETURN NEW;
                      END IF;
                      RAISE EXCEPTION 'The decision ledger head only moves one entry forward: % on % is refused',
                        TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
                    END $$""");
            sql.execute("CREATE TRIGGER audit_head_forward_only BEFORE UPDATE OR DELETE ON audit_head"
                    + " FOR EACH ROW EXECUTE PROCEDURE audit_head_forward_only()");
            sql.execute("CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head"
                    + " FOR EACH STATEMENT EXECUTE PROCEDURE audit_refuse_change()");
        }
    }
}
