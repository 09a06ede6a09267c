package io.aimsgate.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes problem+json (RFC 9457) where no controller advice reaches: servlet filters, the error page and Tomcat's
 * error valve. One body shape for all of them: type, title, status, detail, then the extension members given
 * (e.g. {@code field}); members without a value are left out.
 */
public final class ProblemResponses {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TYPE_BASE = "https://aimsgate.io/problems/";

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail,
            Map<String, ?> properties) throws IOException {
        write(response, status.value(), type, title, detail, properties);
    }

    public static void write(HttpServletResponse response, int status, String type, String title, String detail,
            Map<String, ?> properties) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        MAPPER.writeValue(response.getWriter(), body(status, type, title, detail, properties));
    }

    /** The body alone, for writers that hold their own output (Tomcat's error valve). */
    public static Map<String, Object> body(int status, String type, String title, String detail,
            Map<String, ?> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        properties.forEach((name, value) -> {
            if (value != null) {
                body.put(name, value);
            }
        });
        return body;
    }
}
