/**
 * What every feature module uses: problem+json errors, the platform's engine calls, logging, caches, the acting user
 * and the contribution points ({@link io.aimsgate.shared.EngineGrants}). An open module: its sub-packages are
 * usable too, and it depends on no feature.
 */
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
package io.aimsgate.shared;

import org.springframework.modulith.ApplicationModule;
