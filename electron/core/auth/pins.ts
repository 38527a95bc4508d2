/**
 * PINs: 4 to 6 digits, stored as scrypt hashes with a per-user random salt (node:crypto), compared in
 * constant time. A stored hash names its own cost ("scrypt$N$r$p$hash"), so a later cost change still
 * verifies old PINs.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../../../shared/errors';

export const PIN_PATTERN = /^\d{4,6}$/;
const KEY_LENGTH = 32;
/** scrypt cost: N=2^14, r=8, p=1 (about 16 MiB, tens of milliseconds). */
export const SCRYPT_OPTIONS: ScryptOptions = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function scrypt(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(pin, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPin(pin: string, options: ScryptOptions = SCRYPT_OPTIONS): Promise<{ hash: string; salt: string }> {
  if (!PIN_PATTERN.test(pin)) throw new AppError('invalid_input', 'A PIN is 4 to 6 digits');
  const salt = randomBytes(16);
  const cost = { N: options.N ?? 16_384, r: options.r ?? 8, p: options.p ?? 1 };
  const hash = await scrypt(pin, salt, { ...options, ...cost });
  return { hash: `scrypt$${cost.N}$${cost.r}$${cost.p}$${hash.toString('base64')}`, salt: salt.toString('base64') };
}

export async function pinMatches(pin: string, stored: string, salt: string): Promise<boolean> {
  const [scheme, n, r, p, encoded] = stored.split('$');
  if (scheme !== 'scrypt' || !encoded) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((value) => Number.isSafeInteger(value) && value > 0)) return false;
  const expected = Buffer.from(encoded, 'base64');
  const actual = await scrypt(pin, Buffer.from(salt, 'base64'), { ...cost, maxmem: SCRYPT_OPTIONS.maxmem ?? 64 * 1024 * 1024 });
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The users among `candidates` whose PIN is `pin`. Every one is checked, so the time taken tells nothing. */
export async function usersWithPin<T extends { pin_hash: string; pin_salt: string }>(pin: string, candidates: readonly T[]): Promise<T[]> {
  const matched: T[] = [];
  for (const candidate of candidates) if (await pinMatches(pin, candidate.pin_hash, candidate.pin_salt)) matched.push(candidate);
  return matched;
}
