// Code run in the content script's own world (Chromium's isolated world of the
// extension on an x.com page), where chrome.runtime is what the content script
// has: the page's sender, the same IPC. Playwright evaluates only in the main
// world, so this goes through CDP (Runtime.evaluate with the isolated
// context's id). Used by tests/e2e/port.test.mjs and tests/bench/verdict-path.mjs.

/**
 * Opens `url` in a new page and returns { page, evaluate(fn, arg), close() }:
 * `evaluate` runs `fn(arg)` (a function whose source is sent; it may be async)
 * in the extension's isolated world of that page and returns its JSON value.
 */
export async function contentWorld(env, url) {
  const page = await env.context.newPage();
  const cdp = await env.context.newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  cdp.on('Runtime.executionContextsCleared', () => {
    contexts.length = 0;
  });
  await cdp.send('Runtime.enable');
  await page.goto(url);
  const isOurs = (c) => c.auxData && c.auxData.type === 'isolated' && String(c.origin).startsWith(`chrome-extension://${env.extensionId}`);
  for (let i = 0; i < 100 && !contexts.some(isOurs); i += 1) await new Promise((r) => setTimeout(r, 50));
  const context = contexts.filter(isOurs).pop();
  if (!context) throw new Error(`no content script world on ${url}`);
  const evaluate = async (fn, arg) => {
    const r = await cdp.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
      contextId: context.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (r.exceptionDetails) throw new Error(`in the content script world: ${r.exceptionDetails.exception ? r.exceptionDetails.exception.description : r.exceptionDetails.text}`);
    return r.result.value;
  };
  const close = async () => {
    await cdp.detach().catch(() => {});
    await page.close();
  };
  return { page, evaluate, close };
}
