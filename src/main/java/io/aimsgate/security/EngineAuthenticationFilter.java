package io.aimsgate.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's filter that hands the authenticated user to the engine, resolving the addressed engine once per name.
 * The stock filter resolves it through {@code ServiceLoader} on every request, which scans the class path's service
 * files each time (about 7% of a pipeline check's CPU); the engines of this application never change while it runs.
 */
class EngineAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    private final Map<String, ProcessEngine> engines = new ConcurrentHashMap<>();

    @Override
    protected ProcessEngine getAddressedEngine(String engineName) {
        if (engineName == null) {
            return super.getAddressedEngine(null);
        }
        ProcessEngine engine = engines.get(engineName);
        if (engine == null) {
            engine = super.getAddressedEngine(engineName);
            if (engine != null) {
                engines.put(engineName, engine);
            }
        }
        return engine;
    }
}
