// @ts-check
// The overrides moved to extension/shared/overrides.js (the content script, the
// audit page and the options page all use them). This re-export keeps
// breakdown.js's `./overrides.js` import working until it imports the shared
// module itself.

export * from '../shared/overrides.js';
