/**
 * Entry point. In Electron the preload has already put `window.saldo` in place; in the browser host the page
 * URL carries the host's token and the HTTP bridge provides the same object. The app never knows which.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installHttpBridge } from './bridge/http-bridge';
import { App } from './app/App';

function ensureBridge(): void {
  if (window.saldo) return;
  const token = new URLSearchParams(window.location.search).get('token');
  if (!token) throw new Error('Saldo: no host bridge and no token in the URL');
  installHttpBridge(token);
  // Keep the token out of the address bar, screenshots and history once the bridge holds it.
  window.history.replaceState(null, '', window.location.pathname);
}

ensureBridge();
const root = document.getElementById('root');
if (!root) throw new Error('Saldo: #root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
