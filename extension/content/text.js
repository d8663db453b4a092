// @ts-check
// Reading text from X's DOM: visible text with emoji images as their alt text.

/** Text of `el` as shown: text nodes plus the alt of emoji <img>s, whitespace collapsed. */
export function visibleText(el) {
  if (!el) return '';
  let out = '';
  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue;
      else if (child.nodeType === 1) {
        const tag = child.tagName;
        if (tag === 'IMG') out += child.getAttribute('alt') || '';
        else if (tag === 'BR') out += '\n';
        else if (tag !== 'SCRIPT' && tag !== 'STYLE' && !child.classList.contains('followback-badge-host')) walk(child);
      }
    }
  };
  walk(el);
  return out.replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

/** The first text node under `el` that holds a digit ("12.5K" out of "12.5K Followers"). */
export function firstNumberText(el) {
  if (!el) return null;
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.nodeValue.trim();
    if (/\d/.test(t)) return t;
  }
  return null;
}
