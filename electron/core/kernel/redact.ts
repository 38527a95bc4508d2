/**
 * The one redactor: removes every configured credential and anything shaped like a token from text before it
 * is stored (a sale's failure message), logged or returned (a response, CLI output), and caps its length.
 *
 * Credentials are registered once where they are configured (provider configuration, each adapter's client),
 * into a process-wide set, because a provider that echoes a key back can surface it in any message, and the
 * logger must catch it without every caller remembering to pass the list. Values are never removed: a key
 * that was once configured stays secret for the life of the process.
 */

export const REDACTED = '[redacted]';
/** Longest provider or error message kept: long enough for a sentence and a provider's code. */
export const MESSAGE_MAX_CHARS = 300;
/** Shorter values would redact ordinary words and digits (and are not real credentials). */
const MIN_SECRET_CHARS = 4;

const configuredSecrets = new Set<string>();

/** Registers credential values; every redaction from now on removes them wherever they appear. */
export function registerSecrets(values: Iterable<string | undefined | null>): void {
  for (const value of values) {
    if (typeof value === 'string' && value.length >= MIN_SECRET_CHARS) configuredSecrets.add(value);
  }
}

/**
 * Token-shaped values, whoever's they are: bearer tokens, JWTs, and `key=value` / `"key": "value"` pairs whose
 * name says credential. Plain ids and hashes are left alone (a sale id or the chain head is not a secret).
 */
const TOKEN_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, `$1${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
  [
    /((?:api[-_]?key|access[-_]?token|token|secret|password|passwd|customer[-_]?id|reconcile[-_]?key|authorization)["']?\s*[:=]\s*["']?)([^\s"',;&}]{4,})/gi,
    `$1${REDACTED}`,
  ],
];

/** The text with every registered secret (and `extra` ones) and every token-shaped value replaced. */
export function redact(text: string, extra: readonly string[] = []): string {
  let redacted = text;
  // Longest first, so a secret that contains another is removed whole.
  const secrets = [...configuredSecrets, ...extra.filter((value) => value.length >= MIN_SECRET_CHARS)].sort((a, b) => b.length - a.length);
  for (const secret of secrets) {
    if (redacted.includes(secret)) redacted = redacted.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of TOKEN_PATTERNS) redacted = redacted.replace(pattern, replacement);
  return redacted;
}

/** A message fit to store or show: redacted, without control characters, and at most `max` characters. */
export function safeMessage(text: string, max: number = MESSAGE_MAX_CHARS): string {
  // Controls and bidi overrides would let a provider's text rearrange what a cashier reads.
  // eslint-disable-next-line no-control-regex
  const clean = redact(text).replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** A field whose name says it holds a credential: its text is never logged, whatever it looks like. */
const CREDENTIAL_FIELD = /^(api[-_]?key|access[-_]?token|token|secret|password|passwd|customer[-_]?id|reconcile[-_]?key|authorization|cookie)$/i;

/** Redacts every string inside a value (log fields), keeping its shape. */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return redact(`${value.name}: ${value.message}`);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, typeof item === 'string' && CREDENTIAL_FIELD.test(key) ? REDACTED : redactDeep(item, depth + 1)]),
  );
}
