// @ts-check
// Every chrome.storage key Followback uses, and which area holds it. Readers and
// writers name keys from here only (tests/unit/storage.test.mjs checks that no
// other file spells a key as a string to chrome.storage).

export const STORAGE_KEYS = Object.freeze({
  /** The settings `{ version, values }`: sync, or local when sync refused them (see settings-store.js). */
  settings: 'settings',
  /** local: "sync" | "local", where the current settings copy is. */
  settingsStore: 'settingsStore',
  /** local: the saved memory (JSON text written by the core's exportMemory). */
  memory: 'memory',
  /** local: false when the person switched Followback off (popup). */
  enabled: 'enabled',
  /** local: the filter mode (filter.js). */
  filter: 'filter',
  /** local: per-account overrides (overrides.js). */
  overrides: 'overrides',
  /** local: true once the welcome page was opened on install (it opens once). */
  welcomeShown: 'welcomeShown',
});
