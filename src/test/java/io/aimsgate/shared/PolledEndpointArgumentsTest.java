package io.aimsgate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.support.H2DemoApp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolverComposite;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The pipeline check's arguments are read by {@link PolledEndpointArguments} ahead of Spring MVC's resolvers, without
 * a data binder, and come out exactly as Spring MVC's own resolvers (with the application's binders: conversion
 * service and {@link CanonicalIds}) make them: the same values, the same path variables offered to views, the same
 * exception (type, parameter, value, cause) for every value that is not plain.
 */
@H2DemoApp
class PolledEndpointArgumentsTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    RequestMappingHandlerAdapter adapter;

    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @Test
    void thePipelineChecksArgumentsAreReadFirstAndWithoutABinder() throws Exception {
        assertThat(adapter).isInstanceOf(PolledEndpointsFirst.Adapter.class);
        HandlerMethod check = check();
        List<HandlerMethodArgumentResolver> all = adapter.getArgumentResolvers();
        HandlerMethodArgumentResolver first = ours();
        // No resolver before it takes these parameters (Spring Data adds one for projection interfaces).
        for (HandlerMethodArgumentResolver before : all.subList(0, all.indexOf(first))) {
            assertThat(check.getMethodParameters()).noneMatch(before::supportsParameter);
        }
        assertThat(check.getMethodParameters()).hasSize(4).allSatisfy(p -> assertThat(first.supportsParameter(p))
                .as("%s", p).isTrue());
        // Parameters of other handlers stay with Spring MVC's resolvers.
        assertThat(mapping.getHandlerMethods().values().stream().filter(h -> h != check)
                .flatMap(h -> List.of(h.getMethodParameters()).stream())
                .filter(first::supportsParameter).toList()).isEmpty();
        // A plain check asks for no data binder at all.
        WebDataBinderFactory noBinder = (request, target, name) -> {
            throw new AssertionError("a binder was made for " + name);
        };
        ServletWebRequest request = request(Map.of("systemId", "42", "versionLabel", "1.0.0"),
                Map.of("digest", new String[] {DIGEST}, "environment", new String[] {"production"}));
        List<Object> values = new ArrayList<>();
        for (MethodParameter parameter : check.getMethodParameters()) {
            values.add(first.resolveArgument(parameter, new ModelAndViewContainer(), request, noBinder));
        }
        assertThat(values).containsExactly(42L, "1.0.0", DIGEST, "production");
    }

    @Test
    void everyValueComesOutAsSpringMvcWouldMakeIt() throws Exception {
        HandlerMethod check = check();
        HandlerMethodArgumentResolver ours = ours();
        List<HandlerMethodArgumentResolver> others = new ArrayList<>(adapter.getArgumentResolvers());
        others.remove(ours);
        HandlerMethodArgumentResolver stock = new HandlerMethodArgumentResolverComposite().addResolvers(others);
        WebDataBinderFactory binders = (WebDataBinderFactory) ReflectionTestUtils.invokeMethod(adapter,
                "getDataBinderFactory", check);
        List<Map<String, String>> paths = new ArrayList<>();
        for (String id : List.of("1", "42", "0", "9223372036854775807", "9223372036854775808", "009", "+9", "-9",
                "0x9", " 9", "\uff19", "x", "")) {
            paths.add(Map.of("systemId", id, "versionLabel", "1.0.0"));
        }
        for (String label : List.of("2.1.0-rc.1+build.7", "", "a b", "../x", "é")) {
            paths.add(Map.of("systemId", "7", "versionLabel", label));
        }
        paths.add(Map.of("versionLabel", "1.0.0"));
        paths.add(Map.of("systemId", "7"));
        List<Map<String, String[]>> queries = List.of(Map.of(),
                Map.of("digest", new String[] {DIGEST}, "environment", new String[] {"production"}),
                Map.of("digest", new String[] {""}, "environment", new String[] {""}),
                Map.of("digest", new String[] {DIGEST, "sha256:" + "cd".repeat(32)}),
                Map.of("environment", new String[] {"production", "staging"}),
                Map.of("digest", new String[] {}));
        int compared = 0;
        for (Map<String, String> path : paths) {
            for (Map<String, String[]> query : queries) {
                for (MethodParameter parameter : check.getMethodParameters()) {
                    ServletWebRequest a = request(path, query);
                    ServletWebRequest b = request(path, query);
                    Object fast = resolve(ours, parameter, a, binders);
                    Object spring = resolve(stock, parameter, b, binders);
                    assertThat(fast).as("%s with %s %s", parameter, path, query).isEqualTo(spring);
                    assertThat(a.getRequest().getAttribute(View.PATH_VARIABLES))
                            .isEqualTo(b.getRequest().getAttribute(View.PATH_VARIABLES));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(20 * 6 * 4);
    }

    private HandlerMethodArgumentResolver ours() {
        List<HandlerMethodArgumentResolver> ours = adapter.getArgumentResolvers().stream()
                .filter(PolledEndpointArguments.class::isInstance).toList();
        assertThat(ours).hasSize(1);
        return ours.get(0);
    }

    /** The check's handler method, its parameters named as Spring MVC names them before resolving. */
    private HandlerMethod check() {
        HandlerMethod check = mapping.getHandlerMethods().values().stream()
                .filter(h -> h.hasMethodAnnotation(PolledEndpoint.class)).findFirst().orElseThrow();
        for (MethodParameter parameter : check.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        }
        return check;
    }

    /** The value, or what describes the refusal: exception type, message, and for a type mismatch its parts. */
    private static Object resolve(HandlerMethodArgumentResolver resolver, MethodParameter parameter,
            ServletWebRequest request, WebDataBinderFactory binders) {
        try {
            return resolver.resolveArgument(parameter, new ModelAndViewContainer(), request, binders);
        } catch (MethodArgumentTypeMismatchException e) {
            return List.of(e.getClass(), e.getName(), e.getValue(), Objects.requireNonNull(e.getRequiredType()),
                    e.getParameter(), e.getCause().getClass(), String.valueOf(e.getCause().getMessage()),
                    e.getMessage());
        } catch (Exception e) {
            return List.of(e.getClass(), String.valueOf(e.getMessage()));
        }
    }

    private static ServletWebRequest request(Map<String, String> path, Map<String, String[]> query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET",
                "/api/systems/" + path.getOrDefault("systemId", "1") + "/versions/"
                        + path.getOrDefault("versionLabel", "1") + "/deployment-decision");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, new LinkedHashMap<>(path));
        query.forEach(request::addParameter);
        return new ServletWebRequest(request, new MockHttpServletResponse());
    }
}
