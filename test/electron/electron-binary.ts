/** Where the Electron binary is, or why there is none (its download is impossible on some machines). */
export { findElectronBinary } from '../../scripts/electron-binary.mjs';
