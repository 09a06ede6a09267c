// What the AIMS Gate branding (config.js, user-styles.css) must show in every webapp page.
import assert from 'node:assert/strict';

/** The product band replaces Camunda's Community edition banner; returns what the page shows. */
export async function expectBranding(page, { appName, loggedIn }) {
  const header = page.locator('[cam-widget-header]');
  await header.waitFor();
  const shown = await page.evaluate(() => {
    const headerElement = document.querySelector('[cam-widget-header]');
    const banner = document.querySelector('.ce-eol-banner');
    const bannerVisible = !!banner && banner.getClientRects().length > 0 && getComputedStyle(banner).display !== 'none';
    const band = getComputedStyle(headerElement, '::before').content;
    const logo = document.querySelector('[cam-widget-header] .navbar-brand .brand-logo');
    const loginLogo = document.querySelector('.form-signin .login-logo');
    return {
      title: document.title,
      bannerVisible,
      band,
      brandLogo: logo ? getComputedStyle(logo).backgroundImage : null,
      loginBrand: loginLogo ? getComputedStyle(loginLogo, '::after').content : null,
    };
  });
  assert.equal(shown.bannerVisible, false, 'the Community edition end-of-life banner (.ce-eol-banner) is visible');
  assert.match(shown.band, /AIMS Gate/, `the product band is missing (header ::before content ${shown.band})`);
  if (loggedIn) {
    const brand = (await header.locator('.navbar-brand .brand-name').innerText()).trim();
    assert.equal(brand, `AIMS Gate ${appName}`);
    assert.match(shown.title, new RegExp(`^AIMS Gate ${appName}\\b`), `page title ${shown.title}`);
    assert.match(shown.brandLogo ?? '', /aims-gate\/logo\.svg/, 'the header shows the vendor logo, not ours');
  } else {
    assert.match(shown.loginBrand ?? '', /AIMS Gate/, 'the login page does not name AIMS Gate');
  }
  return shown;
}
