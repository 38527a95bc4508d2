/** Injected by electron.vite.config.ts from the contract: the preload's allowlist. */
declare const __SALDO_CHANNELS__: readonly string[];
declare const __SALDO_EVENTS__: readonly string[];
