// AIMS Gate: Camunda's documented Cockpit configuration (app/cockpit/scripts/config.js), overriding the webjar's
// copy from our classpath. Branding only.
export default {
  app: {
    name: 'Cockpit',
    vendor: 'AIMS Gate'
  }
};
