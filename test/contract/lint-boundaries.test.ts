/**
 * The lint rules that keep DESIGN.md's shape actually fire: an `electron` import placed in core, or a Node
 * built-in in shared/, fails lint. The fixtures are linted as if they lived at those paths.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');

async function lintAs(fixture: string, pretendPath: string) {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(readFileSync(resolve(root, fixture), 'utf8'), { filePath: resolve(root, pretendPath) });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports');
}

describe('architecture lint rules', () => {
  it('fail an electron import in electron/core', async () => {
    const messages = await lintAs('test/fixtures/lint/electron/core/imports-electron.ts', 'electron/core/sales/bad.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toMatch(/plain Node/);
  });

  it('fail a Node built-in in shared/', async () => {
    const messages = await lintAs('test/fixtures/lint/shared/imports-node.ts', 'shared/bad.ts');
    expect(messages).toHaveLength(1);
  });

  it('allow the same electron import in the Electron host', async () => {
    const messages = await lintAs('test/fixtures/lint/electron/core/imports-electron.ts', 'electron/main/fine.ts');
    expect(messages).toHaveLength(0);
  });
});
