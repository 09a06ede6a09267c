package io.aimsgate.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolverComposite;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's request mapping (configured by Spring Boot as always: interceptors, content negotiation, CORS, path
 * matching), except that a request is first matched against the mappings of {@link PolledEndpoint} handler methods.
 * The stock lookup matches a path with variables against every mapping of the application, and does so twice per
 * request (Spring Security's {@code HandlerMappingIntrospector} and the {@code DispatcherServlet}); for the pipeline
 * check that was about a tenth of an answer (docs/benchmarks.md, "Per-request path (session 6)"). When a polled
 * mapping matches, the request is handled exactly as when the full lookup picks it (same attributes: pattern, URI
 * variables, producible types); otherwise the full lookup runs as before. Their arguments are read first by
 * {@link PolledEndpointArguments}, ahead of Spring MVC's resolvers (configured by Spring Boot as always), which still
 * answer every other parameter and every value that is not plain.
 */
@Component
class PolledEndpointsFirst implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new Mapping();
    }

    @Override
    public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
        return new Adapter();
    }

    static final class Adapter extends RequestMappingHandlerAdapter {

        @Override
        public void afterPropertiesSet() {
            super.afterPropertiesSet();
            List<HandlerMethodArgumentResolver> stock = getArgumentResolvers();
            List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(stock.size() + 1);
            resolvers.add(new PolledEndpointArguments(new HandlerMethodArgumentResolverComposite()
                    .addResolvers(stock)));
            resolvers.addAll(stock);
            setArgumentResolvers(resolvers);
        }
    }

    static final class Mapping extends RequestMappingHandlerMapping {

        private volatile List<Map.Entry<RequestMappingInfo, HandlerMethod>> polled = List.of();

        @Override
        protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
            super.handlerMethodsInitialized(handlerMethods);
            polled = handlerMethods.entrySet().stream()
                    .filter(mapping -> mapping.getValue().hasMethodAnnotation(PolledEndpoint.class))
                    .map(mapping -> Map.entry(mapping.getKey(), mapping.getValue())).toList();
        }

        /** The polled endpoints' mappings, for the test that no other mapping matches their requests. */
        List<RequestMappingInfo> polledMappings() {
            return polled.stream().map(Map.Entry::getKey).toList();
        }

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> candidate : polled) {
                RequestMappingInfo match = getMatchingMapping(candidate.getKey(), request);
                if (match != null) {
                    request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, candidate.getValue());
                    handleMatch(match, lookupPath, request);
                    return candidate.getValue();
                }
            }
            return super.lookupHandlerMethod(lookupPath, request);
        }
    }
}
