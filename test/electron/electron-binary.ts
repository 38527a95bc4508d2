/** Where the Electron binary is, or why there is none (its download is impossible on some machines). */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

export function findElectronBinary(): { path: string } | { missing: string } {
  const require = createRequire(import.meta.url);
  try {
    const path = require('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { missing: 'the electron package is installed without its binary (its download was skipped or failed)' };
  } catch (error) {
    return { missing: `the Electron binary is not installed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}
