/**
 * Hands a file the core made (a CSV as text, a PDF as base64) to the browser as a download under the core's
 * file name: a Blob behind an object URL and a link's `download` attribute. The browser host saves it to the
 * downloads folder; in Electron the same link raises the session's will-download (a save dialog), so both hosts
 * take one path.
 */
import type { ExportFile } from '../../../../shared/contract/accounts';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export function downloadFile(file: ExportFile): void {
  // A CSV's text already starts with its BOM (spreadsheets read it as UTF-8); the Blob keeps it as it is.
  const body = file.encoding === 'base64' ? bytesOf(file.content) : file.content;
  const url = URL.createObjectURL(new Blob([body], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the object URL; give the browser a moment before releasing it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
