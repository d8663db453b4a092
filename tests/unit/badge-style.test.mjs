// How a badge's shadow root is styled (extension/content/badge.js styleShadow):
// one constructable sheet per style text and document, adopted by every root;
// a <style> of its own where sheets are missing, refused or silently dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { styleShadow } from '../../extension/content/badge.js';

/** A document whose window has (or lacks) constructable sheets; `adopt` decides what assigning does. */
function fakeDoc({ sheets = true, adopt = 'keep' } = {}) {
  class Sheet {
    replaceSync(css) {
      this.css = css;
    }
  }
  const view = { ShadowRoot: { prototype: sheets ? { adoptedStyleSheets: [] } : {} } };
  if (sheets) view.CSSStyleSheet = Sheet;
  const doc = { defaultView: view, createElement: (tag) => ({ tag, textContent: '' }) };
  const shadow = () => {
    let adopted = [];
    return {
      children: [],
      prepend(el) {
        this.children.unshift(el);
      },
      get adoptedStyleSheets() {
        return adopted;
      },
      set adoptedStyleSheets(list) {
        if (adopt === 'throw') throw new TypeError('not a CSSStyleSheet of this document');
        if (adopt === 'keep') adopted = list;
      },
    };
  };
  return { doc, shadow };
}

test('every shadow root adopts the same sheet for the same style text, and carries no <style>', () => {
  const { doc, shadow } = fakeDoc();
  const a = shadow();
  const b = shadow();
  assert.equal(styleShadow(doc, a, '.badge{color:red}'), true);
  assert.equal(styleShadow(doc, b, '.badge{color:red}'), true);
  assert.equal(a.adoptedStyleSheets.length, 1);
  assert.equal(a.adoptedStyleSheets[0], b.adoptedStyleSheets[0], 'one sheet, shared');
  assert.equal(a.adoptedStyleSheets[0].css, '.badge{color:red}');
  assert.deepEqual([a.children, b.children], [[], []]);
  // Another style text (the self-check chip's) gets its own sheet.
  const c = shadow();
  styleShadow(doc, c, '.chip{color:blue}');
  assert.notEqual(c.adoptedStyleSheets[0], a.adoptedStyleSheets[0]);
  // Another document gets its own sheets (a sheet belongs to the document that made it).
  const other = fakeDoc();
  const d = other.shadow();
  styleShadow(other.doc, d, '.badge{color:red}');
  assert.notEqual(d.adoptedStyleSheets[0], a.adoptedStyleSheets[0]);
});

test('without constructable sheets each root gets its own <style> with the same text', () => {
  const { doc, shadow } = fakeDoc({ sheets: false });
  const a = shadow();
  assert.equal(styleShadow(doc, a, '.badge{color:red}'), false);
  assert.equal(a.children.length, 1);
  assert.equal(a.children[0].tag, 'style');
  assert.equal(a.children[0].textContent, '.badge{color:red}');
});

for (const adopt of ['throw', 'drop']) {
  test(`a sheet the engine refuses (${adopt === 'throw' ? 'assignment throws' : 'assignment ignored'}) falls back to <style>, for that root and the next`, () => {
    const { doc, shadow } = fakeDoc({ adopt });
    const a = shadow();
    const b = shadow();
    assert.equal(styleShadow(doc, a, '.badge{color:red}'), false);
    assert.equal(styleShadow(doc, b, '.badge{color:red}'), false);
    for (const root of [a, b]) {
      assert.equal(root.children.length, 1, 'styled by a <style> of its own');
      assert.equal(root.children[0].textContent, '.badge{color:red}');
    }
  });
}
