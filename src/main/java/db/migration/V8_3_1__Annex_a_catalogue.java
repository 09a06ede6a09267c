package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Seeds the 38 ISO/IEC 42001 Annex A controls from the data file {@code controls/annex-a.json} (identifiers of the
 * standard, titles and descriptions in our own words) into {@code aims_control}, each PLANNED and not yet decided
 * (applicable NULL). A later change of the catalogue is a new migration reading the changed file.
 */
public class V8_3_1__Annex_a_catalogue extends BaseJavaMigration {

    static final String CATALOGUE = "controls/annex-a.json";

    @Override
    public void migrate(Context context) throws Exception {
        JsonNode catalogue;
        try (InputStream in = V8_3_1__Annex_a_catalogue.class.getClassLoader().getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException(CATALOGUE + " is missing from the classpath");
            }
            catalogue = new ObjectMapper().readTree(in);
        }
        Map<String, String> objectives = new HashMap<>();
        catalogue.get("objectives").forEach(o -> objectives.put(o.get("id").asText(), o.get("title").asText()));
        try (PreparedStatement insert = context.getConnection().prepareStatement("""
                INSERT INTO aims_control (control_id, objective_id, objective_title, title, description, sort_order,
                                          implementation_status, row_version)
                VALUES (?, ?, ?, ?, ?, ?, 'PLANNED', 0)""")) {
            int order = 0;
            for (JsonNode control : catalogue.get("controls")) {
                String objective = control.get("objective").asText();
                insert.setString(1, control.get("id").asText());
                insert.setString(2, objective);
                insert.setString(3, objectives.get(objective));
                insert.setString(4, control.get("title").asText());
                insert.setString(5, control.get("description").asText());
                insert.setInt(6, ++order);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
