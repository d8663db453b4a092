// @ts-check
// Keeps the service worker's one wasm Engine usable: every engine call runs
// through `run`; when a call fails in a way that leaves the wasm instance
// unusable (a trap: WebAssembly.RuntimeError, or wasm-bindgen's errors for a
// half-broken instance), the instance is dropped and re-created (`reset`, then
// `start` again: settings re-applied, memory re-loaded from storage). The
// failing call still rejects, with a message saying so; the next call works.
// No browser API here: tests/unit/engine-keeper.test.mjs drives it with a fake engine.

/** Messages wasm-bindgen and the engines use when an instance is left broken. */
const BROKEN = /unreachable|recursive use of an object|attempted to take ownership|null pointer passed to rust|memory access out of bounds|call stack size exceeded|out of memory/i;

/** Whether `err` from an engine call means the wasm instance cannot be trusted again. */
export function leavesInstanceBroken(/** @type {unknown} */ err) {
  if (typeof WebAssembly !== 'undefined' && err instanceof WebAssembly.RuntimeError) return true;
  const text = String((err && typeof err === 'object' && 'message' in err ? err.message : err) ?? '');
  return BROKEN.test(text);
}

/**
 * @template E
 * @param {{ start: () => Promise<E>, reset: () => void, onRestart?: (err: unknown) => void }} parts
 *   start: a ready engine (loads the module, applies settings, restores memory);
 *   reset: forget the broken instance (re-instantiates the wasm module).
 */
export function engineKeeper({ start, reset, onRestart = () => {} }) {
  /** @type {Promise<E> | null} */
  let current = null;
  let restarts = 0;

  const begin = () => {
    const p = start();
    current = p;
    // A failed start is retried by the next call, not kept forever.
    p.catch(() => {
      if (current === p) current = null;
    });
    return p;
  };

  /** The engine (starting it when none is running). */
  const get = () => current || begin();

  /**
   * Runs `fn` with the engine; re-creates the engine when `fn` broke it.
   * @template R
   * @param {(engine: E) => R | Promise<R>} fn
   * @returns {Promise<R>}
   */
  async function run(fn) {
    const mine = get();
    const engine = await mine;
    try {
      return await fn(engine);
    } catch (err) {
      if (!leavesInstanceBroken(err)) throw err;
      if (current === mine) {
        restarts += 1;
        current = null;
        try {
          reset();
        } catch (_) {
          // the next start reports what is wrong
        }
        onRestart(err);
        begin().catch(() => {});
      }
      const why = String((err && typeof err === 'object' && 'message' in err ? err.message : err) ?? 'unknown error');
      throw new Error(`the core failed (${why.slice(0, 200)}) and was restarted; try again`);
    }
  }

  return { run, get, restarts: () => restarts };
}
