// AIMS Gate: Camunda's documented Welcome configuration (app/welcome/scripts/config.js), overriding the webjar's
// copy from our classpath. Branding only.
export default {
  app: {
    name: 'Welcome',
    vendor: 'AIMS Gate'
  }
};
