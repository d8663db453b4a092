// X's themes on the fixture pages, for the browser tests (breakdown, a11y).

/** X's dark theme on the fixture page: black background, light text (CSSOM, allowed by X's CSP). */
export async function darkTheme(page) {
  await page.evaluate(() => {
    const sheet = document.styleSheets[0];
    sheet.insertRule('html, body { background: #000 !important; color: #e7e9ea !important; }', sheet.cssRules.length);
    sheet.insertRule('[data-testid="UserCell"] *, [data-testid="primaryColumn"] * { color: #e7e9ea !important; border-color: #2f3336 !important; }', sheet.cssRules.length);
    sheet.insertRule('[data-testid="userFollowIndicator"] { background: #202327 !important; }', sheet.cssRules.length);
    // Any change in the page makes the content script look again (and see the theme).
    document.body.append(document.createElement('div'));
  });
}
