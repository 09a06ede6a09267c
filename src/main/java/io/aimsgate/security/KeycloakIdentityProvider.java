package io.aimsgate.security;

import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Camunda's identity service reads users and groups from Keycloak (read-only), so candidate groups in
 * Tasklist are Keycloak groups and Camunda Admin shows them. Settings under plugin.identity.keycloak.
 */
@Component
@Profile("keycloak")
@ConfigurationProperties(prefix = "plugin.identity.keycloak")
class KeycloakIdentityProvider extends KeycloakIdentityProviderPlugin {
}
