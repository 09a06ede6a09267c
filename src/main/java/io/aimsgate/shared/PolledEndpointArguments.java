package io.aimsgate.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.View;

/**
 * The arguments of {@link PolledEndpoint} handler methods: a {@code String} or {@code Long} path variable and an
 * optional {@code String} request parameter, taken straight from the request when the value is plain, as Spring MVC's
 * own resolvers would take it; anything else (a missing value, a repeated parameter, an id not in canonical form) is
 * handed to Spring MVC's resolvers, which answer as always. Spring's resolvers make a data binder per argument, run
 * every {@code @InitBinder} method on it and look the conversion up by the parameter's annotations: for the pipeline
 * check's four arguments that was about an eighth of an answer (docs/benchmarks.md, "Per-request path (session 7)").
 * A {@code Long} is read by {@link CanonicalIds#parse}, the rule every controller's binder applies.
 */
final class PolledEndpointArguments implements HandlerMethodArgumentResolver {

    /** How a parameter is read: which annotation, the name, whether a value must be there. */
    private record Named(boolean pathVariable, String name, boolean required) {
    }

    private final HandlerMethodArgumentResolver stock;
    /** The reading of each parameter taken, looked up once (annotation look-ups are not free either). */
    private final Map<MethodParameter, Named> readings = new ConcurrentHashMap<>();

    /** @param stock Spring MVC's resolvers, which answer whenever a value is not plain */
    PolledEndpointArguments(HandlerMethodArgumentResolver stock) {
        this.stock = stock;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        if (!parameter.hasMethodAnnotation(PolledEndpoint.class) || parameter.isOptional()) {
            return false;
        }
        Class<?> type = parameter.getParameterType();
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        if (variable != null) {
            return type == String.class || type == Long.class;
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        return param != null && type == String.class && ValueConstants.DEFAULT_NONE.equals(param.defaultValue());
    }

    /** What the stock resolvers take: a parameter whose name is not a plain one. */
    private static final Named STOCK = new Named(false, "", false);

    /** How a parameter this resolver takes is read (asked once per parameter, when its first value is resolved). */
    private static Named reading(MethodParameter parameter) {
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        if (variable != null) {
            String name = nameOf(variable.name().isEmpty() ? variable.value() : variable.name(), parameter);
            return name == null ? STOCK : new Named(true, name, variable.required());
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        String name = nameOf(param.name().isEmpty() ? param.value() : param.name(), parameter);
        return name == null ? STOCK : new Named(false, name, param.required());
    }

    private static String nameOf(String declared, MethodParameter parameter) {
        String name = declared.isEmpty() ? parameter.getParameterName() : declared;
        return name == null || name.contains("${") || name.contains("#{") ? null : name;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
        Named named = readings.computeIfAbsent(parameter, PolledEndpointArguments::reading);
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (named != STOCK && request != null) {
            Object value = named.pathVariable() ? pathVariable(named, parameter, request)
                    : requestParameter(named, request);
            if (value != NOT_PLAIN) {
                return value;
            }
        }
        return stock.resolveArgument(parameter, mavContainer, webRequest, binderFactory);
    }

    private static final Object NOT_PLAIN = new Object();

    private static Object pathVariable(Named named, MethodParameter parameter, HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String text = variables == null ? null : variables.get(named.name());
        if (text == null) {
            return NOT_PLAIN;
        }
        Object value;
        if (parameter.getParameterType() == Long.class) {
            try {
                value = CanonicalIds.parse(text);
            } catch (IllegalArgumentException notCanonical) {
                return NOT_PLAIN;
            }
        } else {
            value = text;
        }
        // As Spring's path variable resolver: the value is also offered to views (none renders these answers).
        @SuppressWarnings("unchecked")
        Map<String, Object> offered = (Map<String, Object>) request.getAttribute(View.PATH_VARIABLES);
        if (offered == null) {
            offered = new LinkedHashMap<>();
            request.setAttribute(View.PATH_VARIABLES, offered);
        }
        offered.put(named.name(), value);
        return value;
    }

    private static Object requestParameter(Named named, HttpServletRequest request) {
        String[] values = request.getParameterValues(named.name());
        if (values == null) {
            return named.required() ? NOT_PLAIN : null;
        }
        return values.length == 1 ? values[0] : NOT_PLAIN;
    }
}
