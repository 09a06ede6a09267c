package io.aimsgate.obligations;

/** The organisation's role for an AI system under the EU AI Act (Art. 3(3) provider, 3(4) deployer). */
public enum OrganisationRole {
    PROVIDER, DEPLOYER
}
