package io.aimsgate.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before any controller sees them still get problem+json, never Tomcat's HTML page or Spring's
 * default error JSON: a path Tomcat refuses to decode (an encoded slash or backslash, NUL), a path Spring Security's
 * firewall refuses (an encoded dot segment, {@code ..;}, a {@code ;matrix} parameter, an encoded percent or NUL),
 * and whatever else ends at the servlet container's error page ({@code /error}). The answer names the
 * {@code path} and never echoes it.
 */
@Configuration
class RefusedRequests {

    private static final Logger log = LoggerFactory.getLogger(RefusedRequests.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String INVALID_PATH = "The request path is not accepted: encoded separators (%2F, %5C), dot segments,"
            + " matrix parameters (;) and control characters are refused.";

    /** Spring Security's StrictHttpFirewall refused the request line. */
    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return (request, response, e) -> {
            log.info("Refused a request with a malformed path: {}", e.getClass().getSimpleName());
            write(response, HttpStatus.BAD_REQUEST, "invalid-path", INVALID_PATH, "path");
        };
    }

    /**
     * Tomcat refuses some paths before mapping them to the application (no filter or servlet runs); its host's
     * error report valve renders the answer: ours, in place of the HTML one (Spring Boot adds that one first).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
            pipeline.addValve(new ProblemErrorReportValve());
        });
    }

    static void write(HttpServletResponse response, HttpStatus status, String type, String detail, String field)
            throws IOException {
        ProblemResponses.write(response, status, type, status.getReasonPhrase(), detail, fieldOf(field));
    }

    static Map<String, Object> body(HttpStatus status, String type, String detail, String field) {
        return ProblemResponses.body(status.value(), type, status.getReasonPhrase(), detail, fieldOf(field));
    }

    private static Map<String, String> fieldOf(String field) {
        return field == null ? Map.of() : Map.of("field", field);
    }

    /** What an error status means to a client, without anything from the request or the exception. */
    static String detailOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> INVALID_PATH;
            case UNAUTHORIZED -> "Authentication is required.";
            case FORBIDDEN -> "You are not authorised to do this.";
            case NOT_FOUND -> "There is nothing at this path.";
            case METHOD_NOT_ALLOWED -> "This path does not accept this method.";
            default -> status.is5xxServerError() ? "The request could not be completed; nothing was changed."
                    : "The request was refused.";
        };
    }

    static String typeOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "invalid-path";
            case UNAUTHORIZED -> "unauthorised";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            default -> status.is5xxServerError() ? "internal" : "refused";
        };
    }

    /** Tomcat's error report, as problem+json. */
    public static class ProblemErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            if (status == null) {
                status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(MAPPER.writeValueAsString(body(status, typeOf(status), detailOf(status),
                            status == HttpStatus.BAD_REQUEST ? "path" : null)));
                    writer.flush();
                }
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // The client went away or the response cannot take a body any more: nothing left to tell it.
            }
        }
    }
}
