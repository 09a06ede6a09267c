package io.aimsgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorisation matrix of docs/security.md, read for the tests that compare it with a running server: each row an
 * operation ({@code METHOD path}), each column a principal (a RACI group, camunda-admin, {@code guest} for a user
 * outside every group, {@code anonymous}), each cell {@code yes} or {@code no}.
 */
public final class SecurityMatrix {

    public static final Path DOCUMENT = Path.of("docs/security.md");
    /** The id of nothing that rows address with {@code {id}}. */
    public static final String NONE_ID = "matrix-none";
    /** The principal columns, in order, and the demo user of each (null: no credentials). */
    public static final Map<String, String> DEMO_PRINCIPALS = demoPrincipals();

    private SecurityMatrix() {
    }

    /** One row: an operation and, per principal column, whether it is let through. */
    public record Row(String method, String path, Map<String, Boolean> allowed) {

        public String operation() {
            return method + " " + path;
        }

        /** The concrete path: placeholders replaced by ids of nothing, {@code {me}} by the caller. */
        public String concretePath(String me, String filterId) {
            return path.replace("{me}", me).replace("{systemId}", "999999999").replace("{versionLabel}", "9.9.9")
                    .replace("{riskId}", "999999999").replace("{requestId}", "999999999")
                    .replace("{incidentId}", "999999999").replace("{actionId}", "999999999")
                    .replace("{nonconformityId}", "999999999")
                    .replace("{auditId}", "999999999").replace("{datasetId}", "999999999")
                    .replace("{fileId}", "999999999").replace("{revision}", "1")
                    .replace("{controlId}", "A.99.9").replace("{versionId}", "999999999")
                    .replace("{documentKey}", "no-such-policy").replace("{versionNumber}", "1")
                    .replace("{code}", "NO-SUCH-OBJECTIVE").replace("{reviewId}", "999999999")
                    .replace("{metric}", "accuracy").replace("{filter}", filterId).replace("{key}", "inception")
                    .replace("{userId}", "nobody").replace("{name}", "matrixVariable").replace("{id}", NONE_ID).replace("{taskId}", NONE_ID);
        }

        /**
         * A body for Camunda's APIs that passes the caller's checks but changes nothing: claims name the caller, starts
         * carry a variable of no known type (refused before any instance starts), other bodies address nothing.
         */
        public String engineBody(String me) {
            if (method.equals("GET") || method.equals("DELETE")) {
                return null;
            }
            if (path.endsWith("/claim")) {
                return Api.json(Map.of("userId", me));
            }
            if (path.contains("/process-definition/") && (path.endsWith("/start") || path.endsWith("/submit-form"))) {
                return Api.json(Map.of("variables", Map.of("matrixProbe", Map.of("value", 1, "type", "NoSuchType"))));
            }
            if (path.endsWith("/retries")) {
                return Api.json(Map.of("retries", 1));
            }
            if (path.endsWith("/authorization/create")) {
                // A user and a group at once: Camunda refuses it (400) and creates nothing.
                return Api.json(Map.of("type", 1, "resourceType", 0, "resourceId", NONE_ID, "permissions",
                        List.of("ACCESS"), "userId", "nobody", "groupId", "nobody"));
            }
            return "{}";
        }
    }

    /** "denied" is 401 or 403; anything else (also 404 or 400 on the ids of nothing) is "allowed". */
    public static boolean denied(int status) {
        return status == 401 || status == 403;
    }

    public static List<Row> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(DOCUMENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("|")) {
                header = null;
                continue;
            }
            List<String> cells = cells(line);
            if (cells.get(0).equals("operation")) {
                header = cells;
                assertThat(header.subList(1, header.size())).as("matrix columns")
                        .containsExactlyElementsOf(DEMO_PRINCIPALS.keySet());
                continue;
            }
            if (header == null || cells.get(0).startsWith("---")) {
                continue;
            }
            String operation = cells.get(0).replace("`", "");
            String[] parts = operation.split(" ", 2);
            Map<String, Boolean> allowed = new LinkedHashMap<>();
            for (int i = 1; i < header.size(); i++) {
                String cell = cells.get(i);
                assertThat(cell).as(operation + " / " + header.get(i)).isIn("yes", "no");
                allowed.put(header.get(i), cell.equals("yes"));
            }
            rows.add(new Row(parts[0], parts[1], allowed));
        }
        assertThat(rows).as("rows of the matrix in " + DOCUMENT).hasSizeGreaterThan(100);
        return rows;
    }

    private static List<String> cells(String line) {
        String trimmed = line.strip();
        String inner = trimmed.substring(1, trimmed.endsWith("|") ? trimmed.length() - 1 : trimmed.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static Map<String, String> demoPrincipals() {
        Map<String, String> principals = new LinkedHashMap<>();
        principals.put("anonymous", null);
        principals.put("guest", "guest");
        principals.put("ai-product-owners", "olivia");
        principals.put("ml-engineers", "mia");
        principals.put("security", "sam");
        principals.put("legal", "lena");
        principals.put("privacy", "priya");
        principals.put("ethics", "ethan");
        principals.put("governance-board", "grace");
        principals.put("business-stakeholders", "ben");
        principals.put("auditors", "alex");
        principals.put("camunda-admin", "admin");
        return principals;
    }
}
