/**
 * What happens when the page tries to leave itself (a link, `window.open`, a redirect): the kiosk window never
 * navigates, and a URL is handed to the system browser only when its exact origin is on the allow-list. Opening
 * any https page would be a way out of kiosk mode onto the shop PC's desktop, so the list is empty until a
 * concrete need (a provider's help page, say) is reviewed and added here. Plain Node: tested without Electron.
 */

/** Origins (`https://host[:port]`) the system browser may open. Empty on purpose: see the header. */
export const EXTERNAL_ORIGIN_ALLOW_LIST: readonly string[] = [];

export type NavigationDecision = { action: 'deny' } | { action: 'open-external'; url: string };

export function decideExternalNavigation(rawUrl: string, allowList: readonly string[] = EXTERNAL_ORIGIN_ALLOW_LIST): NavigationDecision {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { action: 'deny' };
  }
  // Credentials in a URL are a classic disguise (https://bank.example@evil.example/); nothing needs them.
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return { action: 'deny' };
  if (!allowList.includes(url.origin)) return { action: 'deny' };
  return { action: 'open-external', url: url.href };
}
