// AIMS Gate: Camunda's documented Admin configuration (app/admin/scripts/config.js), overriding the webjar's
// copy from our classpath. Branding only.
export default {
  app: {
    name: 'Admin',
    vendor: 'AIMS Gate'
  }
};
