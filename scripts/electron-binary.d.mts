/** Types of scripts/electron-binary.mjs for the TypeScript tests that use it. */
export declare function findElectronBinary(): { path: string } | { missing: string; packageDir: string | null };
