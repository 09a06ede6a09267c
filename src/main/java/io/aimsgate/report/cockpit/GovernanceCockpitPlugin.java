package io.aimsgate.report.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The "AI governance" Cockpit dashboard, a Cockpit plugin as Camunda documents them: registered through
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}, its client script served from
 * {@code plugin-webapp/ai-governance/app/plugin.js}, its data from the JAX-RS resource below, behind the Cockpit
 * login. Only the governance board and auditors get data; the script renders nothing for anyone else.
 */
public class GovernanceCockpitPlugin extends AbstractCockpitPlugin {

    public static final String ID = "ai-governance";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(GovernancePluginRootResource.class);
    }
}
