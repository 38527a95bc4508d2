/**
 * What leaves the kiosk for support must not carry a credential or a customer's full phone number. The logger
 * is asked to write redacted lines already; this is the second line of defence for everything the diagnostics
 * hand out (log lines, settings, the database copy): it removes every credential value the core knows of,
 * masks fields whose name says "secret", and masks phone numbers down to their last 4 digits.
 */

import { redact, REDACTED } from '../kernel/redact';

/** Field names whose values are secrets wherever they appear (log fields, settings, JSON in the database). */
const SECRET_FIELD = /(api[-_]?key|token|secret|password|passwd|authorization|credential|reconcile[-_]?key|customer[-_]?id|pin[-_]?(hash|salt)|^pin$|cookie)/i;

/** A JSON string value made only of 8 to 15 digits (an optional +): a phone number in a log line or a detail. */
const QUOTED_DIGITS = /"(\+?)(\d{4,11})(\d{4})"/g;

/** A run of digits standing alone (not inside a longer number). */
const DIGIT_RUN = /(?<!\d)\d{5,15}(?!\d)/g;


/** "5512345678" → "******5678": the last 4 digits stay, so a technician can match a customer's complaint. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

export interface Redactor {
  /** Redacts free text (a log line, a JSON document, a database value). */
  text(value: string): string;
  /** Redacts a value about to be written as JSON: secret-named fields are replaced, strings go through `text`. */
  value(value: unknown): unknown;
}

/**
 * `secrets`: every credential value the core holds (shorter than 4 characters is ignored: it would mask
 * ordinary text and cannot identify anything). `phones`: numbers known from the ledger, masked wherever
 * they appear, also inside longer text.
 */
export function createRedactor(options: { secrets: readonly string[]; phones?: readonly string[] }): Redactor {
  const secrets = [...new Set(options.secrets)];
  // Looked up per run of digits (a ledger knows thousands of numbers: one alternation of them all is slow).
  const phones = new Set((options.phones ?? []).map((phone) => phone.replace(/\D/g, '')).filter((digits) => digits.length >= 5));

  function text(value: string): string {
    // Credentials (these and every one the core registered) and token-shaped values: the kernel's one redactor.
    let out = redact(value, secrets);
    if (phones.size > 0) out = out.replace(DIGIT_RUN, (digits) => (phones.has(digits) ? maskPhone(digits) : digits));
    out = out.replace(QUOTED_DIGITS, (_match, plus: string, head: string, last4: string) => `"${plus}${'*'.repeat(head.length)}${last4}"`);
    // A log line or a detail that is JSON: mask its secret-named fields too.
    if (out.startsWith('{') || out.startsWith('[')) {
      try {
        return JSON.stringify(redactValue(JSON.parse(out)));
      } catch {
        return out;
      }
    }
    return out;
  }

  function redactValue(value: unknown): unknown {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(redactValue);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_FIELD.test(key) && inner !== null && typeof inner !== 'boolean' && typeof inner !== 'object' ? REDACTED : redactValue(inner)]));
    }
    return value;
  }

  return { text, value: redactValue };
}
