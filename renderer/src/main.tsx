/**
 * Entry point. In Electron the preload has already put `window.saldo` in place; in the browser host the page
 * URL carries the host's token and the HTTP bridge provides the same object. The app never knows which.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installHttpBridge } from './bridge/http-bridge';
import { App } from './app/App';

/** The browser host's token for this tab: sessionStorage is per tab and per port, so a reload finds it again. */
const TOKEN_KEY = 'saldo.hostToken';

function ensureBridge(): boolean {
  if (window.saldo) return true;
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
  const token = fromUrl ?? window.sessionStorage.getItem(TOKEN_KEY);
  if (!token) return false;
  installHttpBridge(token);
  // Keep the token out of the address bar, screenshots and history once the bridge holds it.
  window.history.replaceState(null, '', window.location.pathname);
  return true;
}

const root = document.getElementById('root');
if (!root) throw new Error('Saldo: #root missing from index.html');
if (!ensureBridge()) {
  // A new tab on the same address: say how to get in rather than leave a blank page.
  root.textContent =
    'Abre la dirección completa (con ?token=) que imprimió npm run preview. — Open the full address (with ?token=) that npm run preview printed.';
} else createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
