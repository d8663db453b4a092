// X's themes on the fixture pages, for the browser tests (breakdown, a11y).

import { SEL } from '../../../extension/content/selectors.js';

/** X's dark theme on the fixture page: black background, light text (CSSOM, allowed by X's CSP). */
export async function darkTheme(page) {
  await page.evaluate((sel) => {
    const sheet = document.styleSheets[0];
    sheet.insertRule('html, body { background: #000 !important; color: #e7e9ea !important; }', sheet.cssRules.length);
    sheet.insertRule(`${sel.userCell} *, ${sel.primaryColumn} * { color: #e7e9ea !important; border-color: #2f3336 !important; }`, sheet.cssRules.length);
    sheet.insertRule(`${sel.followsYou} { background: #202327 !important; }`, sheet.cssRules.length);
    // Any change in the page makes the content script look again (and see the theme).
    document.body.append(document.createElement('div'));
  }, { userCell: SEL.userCell, primaryColumn: SEL.primaryColumn, followsYou: SEL.followsYou });
}
