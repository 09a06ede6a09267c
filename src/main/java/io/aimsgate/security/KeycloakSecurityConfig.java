package io.aimsgate.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Production sign-on with Keycloak: the webapps log in through OpenID Connect, /api and /engine-rest
 * accept Keycloak bearer tokens (the evidence endpoints also the webapps' session, {@link
 * WebappSessionEvidenceAccess}), and the token's {@code groups} claim (Keycloak groups = RACI roles) becomes
 * the user's authorities and the engine's groups. The pipeline client's {@code deployment-decision} scope becomes
 * {@code SCOPE_deployment-decision}.
 */
@Configuration
@Profile("keycloak")
class KeycloakSecurityConfig {

    static final String GROUPS_CLAIM = "groups";
    static final String USER_NAME_CLAIM = "preferred_username";
    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    @Bean
    @Order(1)
    SecurityFilterChain bearerApiChain(HttpSecurity http, Converter<Jwt, AbstractAuthenticationToken> tokenConverter,
            org.camunda.bpm.engine.IdentityService identityService) throws Exception {
        var entryPoint = SecurityConfig.unauthorised("Bearer realm=\"AIMS Gate\"");
        SecurityConfig.apiDefaults(http, entryPoint, identityService).oauth2ResourceServer(oauth -> oauth
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(SecurityConfig.forbidden())
                .jwt(jwt -> jwt.jwtAuthenticationConverter(tokenConverter)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain ssoWebappChain(HttpSecurity http, ClientRegistrationRepository registrations)
            throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logoutSuccess = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce(registrations)))
                        .userInfoEndpoint(info -> info.userAuthoritiesMapper(groupsFromIdToken())))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(logoutSuccess))
                // The Camunda webapps ship their own CSRF protection (X-XSRF-TOKEN).
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    /**
     * Authorisation requests carry a PKCE challenge (S256) although the webapp client is confidential: the realm
     * requires it for {@code aims-gate-webapp} ({@code pkce.code.challenge.method}), and Keycloak refuses a login
     * without one ("Missing parameter: code_challenge_method"). Spring sends PKCE only for public clients by default.
     */
    static DefaultOAuth2AuthorizationRequestResolver withPkce(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /** The webapps take the SSO user (and groups) from Spring Security instead of their login form. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("aims-webapp-sso");
        registration.setInitParameters(Map.of("authentication-provider",
                SpringSecurityEngineAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    /**
     * User tokens are named by {@code preferred_username} (the Camunda user id); client-credentials tokens,
     * which have no user, by their client ({@code client:aims-gate-pipeline}).
     */
    @Bean
    Converter<Jwt, AbstractAuthenticationToken> tokenConverter() {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        return jwt -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
            authorities.addAll(groupsOf(jwt.getClaimAsStringList(GROUPS_CLAIM)));
            String user = jwt.getClaimAsString(USER_NAME_CLAIM);
            String name = user != null && !user.startsWith(SERVICE_ACCOUNT_PREFIX) ? user
                    : "client:" + jwt.getClaimAsString("azp");
            return new JwtAuthenticationToken(jwt, authorities, name);
        };
    }

    /** Issuer, expiry (with a configurable clock skew) and audience: a token for another client is refused. */
    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties,
            @Value("${aims.security.keycloak.audience:aims-gate}") String audience,
            @Value("${aims.security.keycloak.clock-skew:30s}") Duration clockSkew) {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
        OAuth2TokenValidator<Jwt> audienceValidator = token -> token.getAudience() != null
                && token.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "The token is not meant for " + audience, null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(clockSkew),
                new JwtIssuerValidator(jwt.getIssuerUri()), audienceValidator));
        return decoder;
    }

    /** OIDC login: the id token's groups claim becomes the user's authorities, as with bearer tokens. */
    static GrantedAuthoritiesMapper groupsFromIdToken() {
        return authorities -> {
            List<GrantedAuthority> mapped = new ArrayList<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    groupsOf(oidc.getIdToken().getClaimAsStringList(GROUPS_CLAIM)).forEach(mapped::add);
                }
            }
            return mapped;
        };
    }

    /** Keycloak sends group names, or paths ("/ai-product-owners") when full.path is on. */
    static List<GrantedAuthority> groupsOf(List<String> claim) {
        if (claim == null) {
            return List.of();
        }
        return claim.stream().map(g -> g.startsWith("/") ? g.substring(1) : g)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }
}
