// @ts-check
// Every message between Followback's contexts, in one table: its type, who may
// send it, who answers it, and the shapes of the request and the reply (JSDoc
// typedefs below). The service worker builds its dispatch and its privilege
// check from this table; the content script answers the tab messages listed
// here; tests/unit/messages.test.mjs checks that every `fb:` string used in
// extension/ is in the table and has a handler.
//
// Contexts: "content" = the content script on x.com (isolated world);
// "pages" = the extension's own pages (options, audit, popup);
// "hook" = the page hook in x.com's MAIN world (window messages only).

/** @typedef {'content' | 'pages'} SenderRole */

/**
 * @typedef {object} MessageSpec
 * @property {string} type          the `type` field of the message
 * @property {'worker' | 'content'} to   who answers: the service worker, or the tab's content script
 * @property {readonly SenderRole[]} from  who may send it (anyone else is refused)
 * @property {string} summary       what it is for
 */

// ---- Request and reply shapes ---------------------------------------------

/** @typedef {{ ok: false, error: string }} Failure  any message may answer this */
/** @typedef {import('../core/followback.js').Verdict} Verdict */
/** @typedef {import('../core/followback.js').DomFacts} DomFacts */
/** @typedef {import('../core/followback.js').DomTweet} DomTweet */

/** @typedef {{ type: 'fb:payload', text: string, url: string }} PayloadRequest */
/**
 * @typedef {{ ok: true, accounts: number, warnings: string[], viewer: { handle: string, id?: string } | null, verdicts: string }} PayloadReply
 *   verdicts: the compact verdicts of the payload's accounts as one JSON text,
 *   `[[id | null, handle, score, level, confidence label, confidence value], ...]` ("" for none; content/cache.js decodes it)
 */

/** @typedef {{ id?: string, handle?: string, dom?: DomFacts }} VerdictRequest */
/**
 * @typedef {{ type: 'fb:verdicts', requests: VerdictRequest[], full?: boolean, reloadSettings?: boolean }} VerdictsRequest
 *   full: answer every evidence line (the breakdown, the audit page's reasons); otherwise compact verdicts
 */
/**
 * @typedef {{ ok: true, compact: true, verdicts: string } | { ok: true, verdicts: (Verdict | null)[] }} VerdictsReply
 *   compact (without `full`): one JSON text, in request order, `[[id | null, handle, score, level,
 *   confidence label, confidence value] | null, ...]` (content/cache.js decodeAnswers); with `full`: Verdict objects
 */
/** @typedef {{ type: 'fb:ping' }} PingRequest */
/** @typedef {{ ok: true }} PingReply */

/** @typedef {{ handle: string, kind: string, at?: number }} InteractionItem  at: unix seconds */
/** @typedef {{ type: 'fb:interactions', interactions: InteractionItem[] }} InteractionsRequest */
/** @typedef {{ type: 'fb:tweets', tweets: DomTweet[] }} TweetsRequest */
/** @typedef {{ ok: true, recorded: number, skipped: number, warnings: string[] }} RecordedReply */

/** @typedef {{ type: 'fb:remembered-verdicts' }} RememberedVerdictsRequest */
/** @typedef {{ verdict: Verdict, account: object, seen_at: number }} RememberedVerdict */
/** @typedef {{ ok: true, records: RememberedVerdict[] }} RememberedVerdictsReply */

/** @typedef {{ type: 'fb:memory-stats' }} MemoryStatsRequest */
/** @typedef {{ ok: true, accounts: number, capacity: number, bytes: number, loose: number, looseLimit: number, forgotten: { count: number, at: number, kept: number, capacity: number } | null }} MemoryStatsReply  bytes: the stored records; loose: the store's loose values since its pages (the next save compacts past looseLimit); forgotten: the last eviction */
/** @typedef {{ type: 'fb:memory-json' }} MemoryJsonRequest */
/** @typedef {{ ok: true, json: string }} MemoryJsonReply  the saved memory file, as text */
/** @typedef {{ type: 'fb:memory-clear' }} MemoryClearRequest */
/** @typedef {{ ok: true }} MemoryClearReply */

/** @typedef {{ type: 'fb:debug-stats' }} DebugStatsRequest */
/**
 * @typedef {{ ok: true, payloads: number, accounts: number, unknownShape: number, unreadable: number,
 *   memoryTrimmed: number, remembered: number, warnings: { at: number, text: string }[] }} DebugStatsReply
 */

/** @typedef {{ type: 'fb:page-stats' }} PageStatsRequest */
/** @typedef {{ ok: true, enabled: boolean, total: number, byLevel: Record<string, number>, list?: boolean, cached: number }} PageStatsReply  list: a page of accounts to audit; cached: verdicts the tab keeps (bounded) */
/** @typedef {{ type: 'fb:list-stats' }} ListStatsRequest */
/** @typedef {{ ok: true, enabled: boolean, list: object | null, accounts: object[] }} ListStatsReply */

/** @typedef {{ type: 'fb:self-check', handle?: string, id?: string, dom?: DomFacts }} SelfCheckRequest */
/** @typedef {{ ok: true, enabled: boolean, check: object | null }} SelfCheckReply  check: the SelfCheck of src/selfcheck.rs */
/** @typedef {{ type: 'fb:self-check-page' }} SelfCheckPageRequest */
/** @typedef {{ ok: true, viewer: string | null, onOwnProfile: boolean, enabled: boolean, check: object | null }} SelfCheckPageReply */
/** @typedef {{ type: 'fb:self-check-open' }} SelfCheckOpenRequest */

/** @typedef {{ type: 'fb:overrides-write', changes: Record<string, 'always' | 'never' | null>, replace?: boolean }} OverridesWriteRequest */
/** @typedef {{ ok: true, overrides: Record<string, 'always' | 'never'> }} OverridesWriteReply  the stored overrides after the write */

/**
 * @typedef {{ type: 'fb:settings-write', values: Record<string, unknown>, version?: number, replace?: boolean }} SettingsWriteRequest
 *   values: the changed setting ids; replace: `{ version, values }` is the whole new settings (see settings-store.js mergeSettings)
 */
/** @typedef {{ ok: true, settings: { version: number, values: Record<string, unknown> }, store: 'sync' | 'local', fellBack: boolean, reason: string | null }} SettingsWriteReply  the stored settings after the write, and where */

/** @typedef {{ __followback: 'graphql', url: string, text: string }} HookGraphqlMessage */

// ---- The table ---------------------------------------------------------------

const CONTENT = /** @type {const} */ (['content']);
const PAGES = /** @type {const} */ (['pages']);
const BOTH = /** @type {const} */ (['content', 'pages']);

/** Runtime messages (chrome.runtime / chrome.tabs sendMessage), by constant name. */
export const MESSAGES = Object.freeze({
  /** A GraphQL response the page loaded: PayloadRequest -> PayloadReply. */
  PAYLOAD: spec('fb:payload', 'worker', BOTH, 'a response text x.com loaded, to read and remember'),
  /** VerdictsRequest -> VerdictsReply (also remembers what the page showed of each account, when it is new). */
  VERDICTS: spec('fb:verdicts', 'worker', BOTH, 'verdicts for accounts shown, in request order: compact (what a badge needs), or full with every evidence line'),
  /** PingRequest -> PingReply: does nothing (the messaging floor the browser bench prints as `messaging_round_trip_us`). */
  PING: spec('fb:ping', 'worker', BOTH, 'a no-op round trip to the service worker'),
  /** InteractionsRequest -> RecordedReply. */
  INTERACTIONS: spec('fb:interactions', 'worker', BOTH, 'what people did to the viewer (notifications page)'),
  /** TweetsRequest -> RecordedReply. */
  TWEETS: spec('fb:tweets', 'worker', BOTH, "the profile owner's posts read from tweet articles"),
  /** RememberedVerdictsRequest -> RememberedVerdictsReply. */
  REMEMBERED_VERDICTS: spec('fb:remembered-verdicts', 'worker', PAGES, 'every remembered account with its verdict now (audit export)'),
  /** MemoryStatsRequest -> MemoryStatsReply. */
  MEMORY_STATS: spec('fb:memory-stats', 'worker', PAGES, 'how many accounts are remembered, the cap, the saved size'),
  /** MemoryJsonRequest -> MemoryJsonReply. */
  MEMORY_JSON: spec('fb:memory-json', 'worker', PAGES, 'the saved memory file as JSON text (options export)'),
  /** MemoryClearRequest -> MemoryClearReply. */
  MEMORY_CLEAR: spec('fb:memory-clear', 'worker', PAGES, 'forget every remembered account'),
  /** DebugStatsRequest -> DebugStatsReply. */
  DEBUG_STATS: spec('fb:debug-stats', 'worker', PAGES, "the worker's counters and last warnings (popup Diagnostics)"),
  /** PageStatsRequest -> PageStatsReply (chrome.tabs.sendMessage to the tab). */
  PAGE_STATS: spec('fb:page-stats', 'content', PAGES, 'badges drawn on the tab now, by level (popup)'),
  /** ListStatsRequest -> ListStatsReply (chrome.tabs.sendMessage to the tab). */
  LIST_STATS: spec('fb:list-stats', 'content', PAGES, 'every row of the list seen on the tab (audit page)'),
  /** SelfCheckRequest -> SelfCheckReply: how the viewer's own account looks to others. */
  SELF_CHECK: spec('fb:self-check', 'worker', BOTH, "the viewer's own account checked as others would see it"),
  /** SelfCheckPageRequest -> SelfCheckPageReply (chrome.tabs.sendMessage to the tab). */
  SELF_CHECK_PAGE: spec('fb:self-check-page', 'content', PAGES, 'the viewer and their self-check, as the tab knows them (popup)'),
  /** SelfCheckOpenRequest -> { ok } (chrome.tabs.sendMessage to the tab): opens the self-check panel. */
  SELF_CHECK_OPEN: spec('fb:self-check-open', 'content', PAGES, 'open the self-check panel on the tab (popup)'),
  /** OverridesWriteRequest -> OverridesWriteReply: the one writer of the stored overrides (a queue, no lost updates). */
  OVERRIDES_WRITE: spec('fb:overrides-write', 'worker', BOTH, 'set or clear per-account overrides, applied in order by the worker'),
  /** SettingsWriteRequest -> SettingsWriteReply: the one writer of the stored settings (a queue, no lost updates). */
  SETTINGS_WRITE: spec('fb:settings-write', 'worker', PAGES, 'change settings (the ids changed), merged onto the stored ones in order by the worker'),
});

/** The name of the long-lived port to the worker (chrome.runtime.connect): `{ id, message }` in, `{ id, reply }` out, the same messages and checks as sendMessage. */
export const PORT_NAME = 'followback';

/** The one window message: page hook (MAIN world) -> content script. page/hook.js cannot import, so it spells these out; the message test checks they agree. */
export const WINDOW_MESSAGE = Object.freeze({
  /** The property that marks Followback's window messages. */
  tag: '__followback',
  /** Its value for a GraphQL response text: HookGraphqlMessage. */
  graphql: 'graphql',
  /** The one window message, content script -> hook: { [handshake]: token } carrying a MessagePort; every graphql message goes over that port. */
  handshake: '__followbackPort',
  /** Content script -> hook over the port ({ [tag]: stop }): the extension is gone, copy nothing more. */
  stop: 'stop',
  from: 'hook',
  to: 'content',
});

/**
 * @param {string} type
 * @param {'worker' | 'content'} to
 * @param {readonly SenderRole[]} from
 * @param {string} summary
 * @returns {Readonly<MessageSpec>}
 */
function spec(type, to, from, summary) {
  return Object.freeze({ type, to, from: Object.freeze([...from]), summary });
}

/** @type {ReadonlyMap<string, Readonly<MessageSpec>>} */
const BY_TYPE = new Map(Object.values(MESSAGES).map((m) => [m.type, m]));

/** The table entry for a message type, or null when it is not one of ours. */
export function messageSpec(/** @type {unknown} */ type) {
  return typeof type === 'string' ? BY_TYPE.get(type) || null : null;
}

/** Every message type answered by `to` ("worker" or "content"). */
export function typesFor(/** @type {'worker' | 'content'} */ to) {
  return [...BY_TYPE.values()].filter((m) => m.to === to).map((m) => m.type);
}

/**
 * Who sent a runtime message, decided in one place: "pages" when it comes from
 * the extension's own origin (options, audit, popup, even when opened in a tab),
 * "content" when it comes from a tab at another origin (the content script),
 * null for anyone else (another extension, no tab and not ours).
 * @param {{ id?: string, url?: string, origin?: string, tab?: object } | null | undefined} sender
 * @param {{ id: string, origin: string }} self  this extension's id and origin (`chrome-extension://<id>`)
 * @returns {SenderRole | null}
 */
export function senderRole(sender, self) {
  if (!sender || typeof sender !== 'object') return null;
  if (sender.id !== undefined && sender.id !== self.id) return null;
  const own = self.origin.replace(/\/+$/, '');
  // Not `new URL(url).origin`: for extension schemes it may be "null".
  const ours =
    typeof sender.origin === 'string' && sender.origin !== 'null'
      ? sender.origin === own
      : typeof sender.url === 'string' && sender.url.startsWith(`${own}/`);
  if (ours) return 'pages';
  if (sender.tab) return 'content';
  return null;
}

/** This extension's `{ id, origin }` for senderRole, from the extension APIs. */
export function selfOf(/** @type {{ id: string, getURL: (path: string) => string }} */ runtime) {
  return { id: runtime.id, origin: runtime.getURL('').replace(/\/+$/, '') };
}

/**
 * Whether `role` may send `type` to `to`: null when it may, else why not.
 * @param {unknown} type
 * @param {SenderRole | null} role
 * @param {'worker' | 'content'} to
 * @returns {string | null}
 */
export function refusal(type, role, to) {
  const m = messageSpec(type);
  if (!m || m.to !== to) return `unknown message type ${String(type)}`;
  if (role === null) return `${m.type}: sender not recognised`;
  if (!m.from.includes(role)) return `${m.type} is for the extension's own pages only`;
  return null;
}
