/**
 * The technician's view of one kiosk (issue 11): what runs, whether its ledger is sound, whether each provider
 * answers, what waits in the queue, the last log lines; and a support bundle to carry away on a USB stick.
 * The core lists what is wrong as `problems` (stable codes); screens and the command line only put them in words.
 */
import { z } from 'zod';
import { MoneySchema } from '../money';
import { AppModeSchema, HostKindSchema, ProviderIdSchema } from './app';
import { defineChannel } from './define';
import { QueueStatusSchema } from './sales';

const IsoTimeSchema = z.string().min(10);
const CountSchema = z.number().int().nonnegative();

/** Everything a technician is told is wrong; one code per kind of trouble, in the order the screen lists them. */
export const DIAGNOSTIC_PROBLEMS = [
  'integrity_failed',
  'chain_broken',
  'schema_outdated',
  'no_provider_configured',
  'provider_unreachable',
  'queue_not_empty',
  'unknown_outcomes',
  'refunds_due',
] as const;
export const DiagnosticProblemCodeSchema = z.enum(DIAGNOSTIC_PROBLEMS);
export type DiagnosticProblemCode = z.infer<typeof DiagnosticProblemCodeSchema>;

export const DiagnosticProblemSchema = z.object({
  code: DiagnosticProblemCodeSchema,
  /** The provider concerned (provider_unreachable). */
  provider: ProviderIdSchema.optional(),
  /** How many sales (queue_not_empty, unknown_outcomes, refunds_due). */
  count: CountSchema.optional(),
});
export type DiagnosticProblem = z.infer<typeof DiagnosticProblemSchema>;

export const ProviderDiagnosticsSchema = z.object({
  id: ProviderIdSchema,
  configured: z.boolean(),
  /** Whether a health call answered just now; null when the provider is not configured. */
  reachable: z.boolean().nullable(),
  /** How long that health call took, measured around it. */
  latencyMs: CountSchema.nullable(),
  balance: MoneySchema.nullable(),
  available: MoneySchema.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ProviderDiagnostics = z.infer<typeof ProviderDiagnosticsSchema>;

export const ConnectivityTransitionSchema = z.object({
  at: IsoTimeSchema,
  provider: ProviderIdSchema,
  reachable: z.boolean(),
  error: z.string().nullable(),
});
export type ConnectivityTransition = z.infer<typeof ConnectivityTransitionSchema>;

export const DiagnosticsSchema = z.object({
  version: z.string(),
  /** The update channel this install follows (stable or beta). */
  channel: z.string(),
  mode: AppModeSchema,
  host: HostKindSchema,
  platform: z.string(),
  dataDir: z.string(),
  checkedAt: IsoTimeSchema,
  database: z.object({
    /** `PRAGMA integrity_check`: "ok", or the problems it found. */
    integrity: z.string(),
    integrityOk: z.boolean(),
    schemaVersion: z.number().int(),
    latestSchemaVersion: z.number().int(),
    sizeBytes: CountSchema,
    walBytes: CountSchema,
    checkMs: CountSchema,
  }),
  chain: z.object({
    ok: z.boolean(),
    /** The newest event of the sale history and its hash; null while the ledger is empty. */
    head: z.object({ seq: CountSchema, hash: z.string() }).nullable(),
    events: CountSchema,
    firstBroken: z.object({ seq: CountSchema, reason: z.string(), message: z.string() }).nullable(),
  }),
  providers: z.array(ProviderDiagnosticsSchema),
  /** Every change of a provider's reachability in the last 24 h, oldest first. */
  connectivity: z.object({ since: IsoTimeSchema, transitions: z.array(ConnectivityTransitionSchema) }),
  queue: QueueStatusSchema.extend({ pending: CountSchema, unknown: CountSchema }),
  printer: z.object({
    /** host: the app prints silently; renderer: the page prints through the browser's dialog. */
    kind: z.enum(['host', 'renderer']),
    /** The configured printer (SALDO_PRINTER); null: the system's default printer. */
    name: z.string().nullable(),
  }),
  /** The last lines of the app's log, secrets and phone numbers masked. */
  logs: z.object({ lines: z.array(z.string()) }),
  updates: z.object({
    channel: z.string(),
    /** When updates were last checked and what came of it; null until the update engine reports. */
    lastCheckAt: IsoTimeSchema.nullable(),
    lastResult: z.string().nullable(),
  }),
  problems: z.array(DiagnosticProblemSchema),
});
export type Diagnostics = z.infer<typeof DiagnosticsSchema>;

export const SupportBundleSchema = z.object({
  fileName: z.string(),
  /** The zip itself, base64: the browser host downloads it; Electron will save it through a dialog. */
  base64: z.string(),
  sizeBytes: CountSchema,
  files: z.array(z.string()),
});
export type SupportBundle = z.infer<typeof SupportBundleSchema>;

export const diagnosticsChannels = {
  'app.diagnostics': defineChannel({
    input: z.object({}).strict(),
    output: DiagnosticsSchema,
    access: 'tech',
    description: 'Version, database and chain checks, providers probed now, queue, printer, last log lines, updates',
  }),
  'diagnostics.supportBundle': defineChannel({
    input: z.object({}).strict(),
    output: SupportBundleSchema,
    access: 'tech',
    description: 'A zip for support: diagnostics, logs, settings and a database copy, without credentials, PIN hashes or full phone numbers',
  }),
};
