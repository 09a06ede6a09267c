package io.aimsgate.report.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** {@code /camunda/api/cockpit/plugin/ai-governance/{engine}/...}, and the plugin's static assets. */
@Path("plugin/" + GovernanceCockpitPlugin.ID)
public class GovernancePluginRootResource extends AbstractCockpitPluginRootResource {

    public GovernancePluginRootResource() {
        super(GovernanceCockpitPlugin.ID);
    }

    @Path("{engineName}")
    public GovernanceDashboardResource dashboard(@PathParam("engineName") String engineName) {
        return subResource(new GovernanceDashboardResource(engineName, servletContext), engineName);
    }
}
