/**
 * Hands the support bundle (base64 from the core) to the browser as a download named by the core. In the
 * browser host that saves it to the downloads folder; the Electron host is to save it through a save dialog
 * in main (not wired yet), which will take over here.
 */
import type { SupportBundle } from '../../../../shared/contract/diagnostics';

export function downloadSupportBundle(bundle: SupportBundle): void {
  const binary = atob(bundle.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = bundle.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the object URL; give the browser a moment before releasing it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
