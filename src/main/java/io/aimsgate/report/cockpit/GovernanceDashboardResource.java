package io.aimsgate.report.cockpit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.report.BoardReport;
import io.aimsgate.report.KpiQueries;
import io.aimsgate.report.ReportPeriod;
import io.aimsgate.shared.InvalidInputException;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The dashboard's data for the Cockpit user: the same KPIs (same JSON) as {@code GET /api/reports/kpis}, and the
 * board report PDF, for members of the governance board and auditors; 403 for every other Cockpit user.
 */
public class GovernanceDashboardResource extends AbstractCockpitPluginResource {

    private static final List<String> OVERSEERS = List.of(RaciGroups.GOVERNANCE_BOARD, RaciGroups.AUDITORS);

    private final ServletContext servletContext;

    GovernanceDashboardResource(String engineName, ServletContext servletContext) {
        super(engineName);
        this.servletContext = servletContext;
    }

    @GET
    @Path("kpis")
    @Produces("application/json")
    public Response kpis(@QueryParam("from") String from, @QueryParam("to") String to) {
        Response refused = refused();
        if (refused != null) {
            return refused;
        }
        try {
            ReportPeriod period = period(from, to);
            String json = bean(ObjectMapper.class).writeValueAsString(bean(KpiQueries.class).kpis(period));
            return Response.ok(json, "application/json").header("Cache-Control", "no-store").build();
        } catch (InvalidInputException e) {
            return problem(400, "Invalid input", e.getMessage(), e.field());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The KPIs could not be written as JSON", e);
        }
    }

    @GET
    @Path("board-report")
    public Response boardReport(@QueryParam("from") String from, @QueryParam("to") String to) {
        Response refused = refused();
        if (refused != null) {
            return refused;
        }
        try {
            ReportPeriod period = period(from, to);
            byte[] pdf = bean(BoardReport.class).render(bean(KpiQueries.class).kpis(period));
            return Response.ok(pdf, "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"board-report-" + period.from() + "-to-"
                            + period.to() + ".pdf\"")
                    .header("Cache-Control", "no-store").build();
        } catch (InvalidInputException e) {
            return problem(400, "Invalid input", e.getMessage(), e.field());
        }
    }

    private Response refused() {
        Authentication user = getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            return problem(401, "Unauthorised", "Authentication is required.", null);
        }
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        if (groups.stream().noneMatch(OVERSEERS::contains)) {
            return problem(403, "Forbidden", "The AI governance dashboard is for the governance board and auditors.",
                    null);
        }
        return null;
    }

    private ReportPeriod period(String from, String to) {
        return ReportPeriod.of(date("from", from), date("to", to), bean(Clock.class));
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date as yyyy-MM-dd");
        }
    }

    private Response problem(int status, String title, String detail, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        try {
            return Response.status(status).type("application/problem+json")
                    .entity(bean(ObjectMapper.class).writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T bean(Class<T> type) {
        ApplicationContext context = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
        return context.getBean(type);
    }
}
