/**
 * The browser's Back button (the preview in a browser tab) never leaves Saldo for a blank page: the app keeps
 * one history entry of its own above the page's, and a Back pops only that one, puts it back, and goes back
 * inside the app instead (a sale's detail to the list, a section to selling, a sale's step to the one before).
 * In the Electron window there is no Back button; this changes nothing there.
 */
import { useEffect } from 'react';
import { useSaldo } from '../../app/store';

const MARK = { saldo: 'stay' };

function backInsideTheApp(): void {
  const state = useSaldo.getState();
  if (!state.user) return;
  if (state.route === 'today' && state.openSaleId) state.closeSale();
  else if (state.route !== 'sell') state.go('sell');
  else if (state.step === 'product' || state.step === 'confirm') state.back();
}

export function useBackStaysInApp(): void {
  useEffect(() => {
    window.history.pushState(MARK, '');
    function onPopState() {
      window.history.pushState(MARK, '');
      backInsideTheApp();
    }
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
}
