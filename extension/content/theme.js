// @ts-check
// Theme detection: X's light, dim and dark themes, read from the page background colour.

function parseRgb(text) {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?/.exec(text || '');
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : Number(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** "light" | "dim" | "dark" for a CSS colour string (transparent counts as light). */
export function themeOfColour(colour) {
  const c = parseRgb(colour);
  if (!c || c.a === 0) return 'light';
  const lin = (v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const lum = 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  if (lum > 0.4) return 'light';
  // Dim (#15202B) is dark but visibly blue-grey; dark is (near) black.
  return lum > 0.008 ? 'dim' : 'dark';
}

/** The page's theme now. */
export function pageTheme(doc = document) {
  try {
    for (const el of [doc.body, doc.documentElement]) {
      if (!el) continue;
      const bg = getComputedStyle(el).backgroundColor;
      const c = parseRgb(bg);
      if (c && c.a > 0) return themeOfColour(bg);
    }
  } catch (_) {
    // fall through
  }
  return 'light';
}
