package io.aimsgate.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Before every test class and every test, binds Camunda's JVM-wide (static) registrations to the engine of the test's own Spring context.
 * <p>
 * Camunda keeps some state in statics, which is fine for one application per JVM but not for several cached test
 * contexts:
 * <ul>
 *   <li>{@link ProcessEngines}: the engine REST API and the webapps look their engine up there by name. Every context
 *       starts an engine named {@code default}; the last one started wins, and a closed context unregisters the
 *       name altogether, so {@code /engine-rest} of a cached context would reach another database, or none.</li>
 *   <li>The webapps' runtime delegates ({@code Admin}, {@code Cockpit}, {@code Tasklist}, {@code Welcome}): set by each
 *       embedded Tomcat's bootstrap listener and set to {@code null} when any Tomcat stops. A webapp servlet of a
 *       cached context that initialises afterwards (e.g. the Admin API on its first request) then fails with 500
 *       before any filter runs.</li>
 * </ul>
 * Test classes run one after another in one JVM (surefire forkCount 1, no parallel execution), so rebinding on
 * every switch of context is enough.
 */
public class ProcessEngineBinding implements BeforeAllCallback, BeforeEachCallback {

    private static ApplicationContext bound;

    /** Also before a class's {@code @BeforeAll} methods, which may call {@code /engine-rest} before any test runs. */
    @Override
    public void beforeAll(ExtensionContext context) {
        bind(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        bind(context);
    }

    private static void bind(ExtensionContext context) {
        ApplicationContext applicationContext = SpringExtension.getApplicationContext(context);
        ProcessEngine engine = applicationContext.getBean(ProcessEngine.class);
        synchronized (ProcessEngineBinding.class) {
            boolean switched = bound != applicationContext;
            if (switched || ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
                ProcessEngines.registerProcessEngine(engine);
            }
            // Fresh delegates on a switch: they cache per-engine-name helpers of whichever engine they saw first.
            if (switched || Admin.getRuntimeDelegate() == null) {
                Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
            }
            if (switched || Cockpit.getRuntimeDelegate() == null) {
                Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
            }
            if (switched || Tasklist.getRuntimeDelegate() == null) {
                Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
            }
            if (switched || Welcome.getRuntimeDelegate() == null) {
                Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
            }
            bound = applicationContext;
        }
    }
}
