// @ts-check
// Batching: collect work and run it once per animation frame.

/** A function that schedules `fn` for the next animation frame, at most once per frame. */
export function perFrame(fn) {
  let pending = false;
  const run = () => {
    pending = false;
    fn();
  };
  return () => {
    if (pending) return;
    pending = true;
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
    else setTimeout(run, 16);
  };
}
