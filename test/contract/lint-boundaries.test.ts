/**
 * The boundary rules really fire: a one-line probe is linted as if it lived in a folder of the project, and an
 * import the architecture forbids must be refused BY THE BOUNDARY RULE, naming the folder it reached. Every
 * import a probe names points at a file that exists, so a probe refused for another reason (a typo, a moved
 * file) fails here instead of passing silently.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });
const requireFromRoot = createRequire(resolve(root, 'package.json'));

type ImportForm = 'static' | 'dynamic' | 're-export';

interface Probe {
  /** Where the probe pretends to live. */
  file: string;
  /** What it imports, exactly as a source file would write it. */
  specifier: string;
  form: ImportForm;
}

function probeSource({ specifier, form }: Probe): string {
  switch (form) {
    case 'static':
      return `import * as target from '${specifier}';\nexport const probe = target;\n`;
    case 'dynamic':
      return `export const probe = () => import('${specifier}');\n`;
    case 're-export':
      return `export * from '${specifier}';\n`;
  }
}

/** The probe's import must name something real, or a refusal would prove nothing. */
function expectTargetExists({ file, specifier }: Probe): void {
  if (!specifier.startsWith('.')) {
    expect(() => requireFromRoot.resolve(specifier), `${specifier} is installed`).not.toThrow();
    return;
  }
  const base = resolve(root, dirname(file), specifier);
  const candidates = [`${base}.ts`, `${base}.tsx`, resolve(base, 'index.ts'), resolve(base, 'index.tsx')];
  expect(candidates.some(existsSync), `${specifier} from ${file} names an existing file`).toBe(true);
}

async function lintProbe(probe: Probe) {
  expectTargetExists(probe);
  const [result] = await eslint.lintText(probeSource(probe), { filePath: resolve(root, probe.file) });
  return result!.messages;
}

interface Forbidden extends Probe {
  why: string;
  /** The importing element, as the rule names it. */
  from: string;
  /** The element reached (empty for an npm package or a Node built-in, which are named by their source). */
  reached: string;
}

const forbidden: Forbidden[] = [
  { why: 'core imports no host (Electron main)', file: 'electron/core/sales/probe.ts', specifier: '../../main/ipc', form: 'static', from: 'core-sales', reached: 'main' },
  { why: 'core imports no sandbox', file: 'electron/core/sales/probe.ts', specifier: '../../sandbox', form: 'static', from: 'core-sales', reached: 'sandbox' },
  { why: 'core imports no host (browser host)', file: 'electron/core/sales/probe.ts', specifier: '../../browser-host/server', form: 'static', from: 'core-sales', reached: 'browser-host' },
  { why: 'core runs in plain Node, never Electron', file: 'electron/core/sales/probe.ts', specifier: 'electron', form: 'static', from: 'core-sales', reached: '' },
  { why: 'core top level imports no sandbox either', file: 'electron/core/probe.ts', specifier: '../sandbox', form: 'dynamic', from: 'core-composition', reached: 'sandbox' },
  { why: 'the sandbox imports shared only, never core', file: 'electron/sandbox/probe.ts', specifier: '../core/runtime', form: 'static', from: 'sandbox', reached: 'core-composition' },
  { why: 'the sandbox imports no core layer', file: 'electron/sandbox/probe.ts', specifier: '../core/providers/rate-limiter', form: 'static', from: 'sandbox', reached: 'core-providers' },
  { why: 'shared/ uses no database', file: 'shared/probe.ts', specifier: 'better-sqlite3', form: 'static', from: 'shared', reached: '' },
  { why: 'the renderer uses no database', file: 'renderer/src/probe.ts', specifier: 'better-sqlite3', form: 'static', from: 'renderer', reached: '' },
  { why: 'shared/ runs in the browser too: no Node built-ins', file: 'shared/probe.ts', specifier: 'node:fs', form: 'static', from: 'shared', reached: '' },
  { why: 'shared/ runs in the browser too: no bare Node built-ins', file: 'shared/probe.ts', specifier: 'crypto', form: 'static', from: 'shared', reached: '' },
  { why: 'the renderer has no Node', file: 'renderer/src/probe.ts', specifier: 'node:path', form: 'static', from: 'renderer', reached: '' },
  { why: 'shared/ imports no project folder', file: 'shared/probe.ts', specifier: '../electron/core/runtime', form: 're-export', from: 'shared', reached: 'core-composition' },
  { why: 'the renderer reaches core through no door, not even import()', file: 'renderer/src/probe.ts', specifier: '../../electron/core/runtime', form: 'dynamic', from: 'renderer', reached: 'core-composition' },
  { why: 'the renderer imports no host', file: 'renderer/src/probe.ts', specifier: '../../electron/main/ipc', form: 'static', from: 'renderer', reached: 'main' },
  { why: 'main talks to the renderer only through the contract', file: 'electron/main/probe.ts', specifier: '../../renderer/src/main', form: 'static', from: 'main', reached: 'renderer' },
  { why: 'the preload imports nothing of the renderer either', file: 'electron/preload/probe.ts', specifier: '../../renderer/src/main', form: 'dynamic', from: 'preload', reached: 'renderer' },
  { why: 'the preload forwards the contract and reaches no core', file: 'electron/preload/probe.ts', specifier: '../core/runtime', form: 'static', from: 'preload', reached: 'core-composition' },
  { why: 'the preload runs beside the renderer: no Node built-ins', file: 'electron/preload/probe.ts', specifier: 'node:fs', form: 'static', from: 'preload', reached: '' },
  { why: 'a lower core layer never imports a higher one (kernel → ledger)', file: 'electron/core/kernel/probe.ts', specifier: '../ledger/chain', form: 'static', from: 'core-kernel', reached: 'core-ledger' },
  { why: 'a lower core layer never imports a higher one, not even by import()', file: 'electron/core/kernel/probe.ts', specifier: '../ledger/chain', form: 'dynamic', from: 'core-kernel', reached: 'core-ledger' },
  { why: 'a lower core layer never re-exports a higher one', file: 'electron/core/db/probe.ts', specifier: '../ledger/chain', form: 're-export', from: 'core-db', reached: 'core-ledger' },
  { why: 'sales sits below sync', file: 'electron/core/sales/probe.ts', specifier: '../sync/engine', form: 'static', from: 'core-sales', reached: 'core-sync' },
  { why: 'receipts never import sync', file: 'electron/core/receipts/probe.ts', specifier: '../sync/engine', form: 'static', from: 'core-receipts', reached: 'core-sync' },
  { why: 'a core layer never imports the composition above it', file: 'electron/core/sales/probe.ts', specifier: '../runtime', form: 'static', from: 'core-sales', reached: 'core-composition' },
  { why: 'core imports no test code', file: 'electron/core/sales/probe.ts', specifier: '../../../test/contract/lint-boundaries.test', form: 'static', from: 'core-sales', reached: '' },
];

const allowed: (Probe & { why: string })[] = [
  { why: 'a host imports the core', file: 'electron/main/probe.ts', specifier: '../core/runtime', form: 'static' },
  { why: 'a host starts the demo sandboxes', file: 'electron/browser-host/probe.ts', specifier: '../sandbox', form: 'dynamic' },
  { why: 'core imports shared', file: 'electron/core/sales/probe.ts', specifier: '../../../shared/money', form: 'static' },
  { why: 'a higher core layer imports a lower one', file: 'electron/core/sales/probe.ts', specifier: '../ledger/chain', form: 'static' },
  { why: 'core uses the database', file: 'electron/core/ledger/probe.ts', specifier: 'better-sqlite3', form: 'static' },
  { why: 'the sandbox imports shared', file: 'electron/sandbox/probe.ts', specifier: '../../shared/money', form: 'static' },
  { why: 'the renderer imports shared', file: 'renderer/src/probe.ts', specifier: '../../shared/money', form: 'static' },
  { why: 'the preload imports the contract', file: 'electron/preload/probe.ts', specifier: '../../shared/contract/event-channel', form: 'static' },
  { why: 'shared uses its allow-listed packages', file: 'shared/probe.ts', specifier: 'zod', form: 'static' },
];

describe('architecture boundaries (lint by resolved path)', () => {
  it.each(forbidden)('refuse: $why ($form import of $specifier from $file)', async (probe) => {
    const messages = await lintProbe(probe);
    const refusals = messages.filter((message) => message.ruleId === 'boundaries/dependencies');
    expect(refusals, JSON.stringify(messages)).toHaveLength(1);
    // The rule names what it refused: the importing element, the import, and the element it resolved to.
    const target = probe.reached === '' ? '' : ` (${probe.reached})`;
    expect(refusals[0]!.message).toContain(`${probe.from} may not import "${probe.specifier}"${target}:`);
  });

  it.each(allowed)('accept: $why ($specifier from $file)', async (probe) => {
    const messages = await lintProbe(probe);
    expect(messages).toEqual([]);
  });

  // shared/receipt.ts imports shared/phone.ts; linted as phone.ts, a probe importing receipt.ts closes a loop.
  const cycleProbe: Probe = { file: 'shared/phone.ts', specifier: './receipt', form: 'static' };

  it('refuse an import cycle', async () => {
    const messages = await lintProbe(cycleProbe);
    expect(messages.map((message) => message.ruleId)).toEqual(['import-x/no-cycle']);
  });

  it('accept a type-only import that closes a loop (erased at build time, so no load-order cycle)', async () => {
    expectTargetExists(cycleProbe);
    const source = `import type * as target from '${cycleProbe.specifier}';\nexport type Probe = typeof target;\n`;
    const [result] = await eslint.lintText(source, { filePath: resolve(root, cycleProbe.file) });
    expect(result!.messages).toEqual([]);
  });
});
