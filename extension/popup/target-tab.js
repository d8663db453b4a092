// @ts-check
// The tab the popup reports on, for every section of the popup.

/**
 * The tab to report on: `?tab=<id>` when the popup is opened as a page (tests, or a
 * person opening it in a tab), else the active tab of the current window. Only the
 * id is used (no `tabs` permission needed). Returns null when that tab is this page.
 * @returns {Promise<number | null>}
 */
export async function targetTabId() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (!tab || typeof tab.id !== 'number') return null;
  const self = await chrome.tabs.getCurrent?.();
  if (self && self.id === tab.id) return null;
  return tab.id;
}
