package io.aimsgate.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request-mapped handler method that clients poll many times a second (the pipeline check): Spring MVC tries its
 * mapping before all others ({@link PolledEndpointsFirst}) instead of matching the request against every mapping of
 * the application, and reads its plain path variables and parameters itself ({@link PolledEndpointArguments}) rather
 * than through a data binder per argument. Only for a path no other mapping can match (a test proves it for each such
 * endpoint: {@code PolledEndpointsFirstTest}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PolledEndpoint {
}
