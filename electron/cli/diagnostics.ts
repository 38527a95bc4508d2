/**
 * The technician's commands (`npm run cli -- <command>`), one JSON line out, exit status 0 or 1:
 *
 *   diagnostics                      what the diagnostics screen shows: database, chain, providers probed now, queue...
 *   support-bundle --out FILE.zip    the support bundle (no credential, PIN hash or full phone number in it)
 *
 * Both go through the dispatcher like the screen does, signed in as the command line's owner-level operator.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SupportBundle } from '../../shared/contract/diagnostics';
import { withCore } from './ledger-commands';

export const DIAGNOSTICS_COMMANDS = ['diagnostics', 'support-bundle'] as const;
export type DiagnosticsCommand = (typeof DIAGNOSTICS_COMMANDS)[number];

type Output = (line: string) => void;
const stdout: Output = (line) => process.stdout.write(`${line}\n`);

function failure(output: Output, code: string, message: string): number {
  output(JSON.stringify({ ok: false, error: { code, message } }));
  return 1;
}

async function diagnostics(output: Output): Promise<number> {
  return withCore(async (core) => {
    const answer = await core.dispatcher.invoke('app.diagnostics', {}, { host: 'cli' });
    if (!answer.ok) return failure(output, answer.error.code, answer.error.message);
    output(JSON.stringify({ ok: true, diagnostics: answer.value }));
    return 0;
  });
}

async function supportBundle(out: string, output: Output): Promise<number> {
  return withCore(async (core) => {
    const answer = await core.dispatcher.invoke('diagnostics.supportBundle', {}, { host: 'cli' });
    if (!answer.ok) return failure(output, answer.error.code, answer.error.message);
    const bundle = answer.value as SupportBundle;
    const file = resolve(out);
    writeFileSync(file, Buffer.from(bundle.base64, 'base64'));
    output(JSON.stringify({ ok: true, file, sizeBytes: bundle.sizeBytes, files: bundle.files }));
    return 0;
  });
}

export function isDiagnosticsCommand(command: string): command is DiagnosticsCommand {
  return (DIAGNOSTICS_COMMANDS as readonly string[]).includes(command);
}

/** Runs `diagnostics` or `support-bundle`; prints one JSON line and answers the exit status. */
export async function runDiagnosticsCommand(command: DiagnosticsCommand, args: string[], output: Output = stdout): Promise<number> {
  let values: { out?: string | undefined };
  try {
    const parsed = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: false, strict: true });
    values = parsed.values;
  } catch (error) {
    return failure(output, 'invalid_input', error instanceof Error ? error.message : String(error));
  }
  try {
    if (command === 'diagnostics') {
      if (values.out !== undefined) return failure(output, 'invalid_input', 'diagnostics takes no --out; did you mean support-bundle?');
      return await diagnostics(output);
    }
    if (!values.out) return failure(output, 'invalid_input', 'support-bundle needs --out FILE.zip');
    if (!values.out.toLowerCase().endsWith('.zip')) return failure(output, 'invalid_input', '--out must name a .zip file');
    return await supportBundle(values.out, output);
  } catch (error) {
    return failure(output, 'internal', error instanceof Error ? error.message : String(error));
  }
}
