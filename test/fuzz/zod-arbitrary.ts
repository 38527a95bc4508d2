/**
 * fast-check arbitraries derived from the contract's zod schemas, for the shapes the contract uses (objects,
 * strings with length, regex and uuid checks, integers with bounds, booleans, enums, literals, unions,
 * optional and nullable). Two kinds:
 * - `validArbitrary`: values meant to pass the schema. Field hints (by field name: a phone, a sale id, a PIN)
 *   make them meaningful to the core; refinements on whole objects are not modelled, so a "valid" value may
 *   still be refused (the fuzz test classifies each input with the contract itself as well).
 * - `invalidArbitrary`: values that break a constraint the schema declares, by construction: a wrong type, a
 *   string too long or not matching its pattern, NaN or a fraction where an integer is declared, an unknown
 *   or `__proto__` key on a strict object, a required key left out, an array where an object is expected.
 * A schema kind this file does not know throws, so a new kind in the contract is noticed, not skipped.
 */
import fc from 'fast-check';
import type { z } from 'zod';

/** A field's path from the channel input's root, e.g. ['amount', 'minor']. */
export type FieldPath = readonly string[];
/** Meaningful valid values for a field, by its path (a phone number, a known sale id); undefined: derive. */
export type FieldHints = (path: FieldPath) => fc.Arbitrary<unknown> | undefined;

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

interface SchemaDef {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  /** An array's element schema. */
  element?: z.ZodType;
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

function checksOf(schema: z.ZodType): CheckDef[] {
  return (defOf(schema).checks ?? []).map((check) => check._zod.def);
}

/** Text a curious cashier or a malicious page would type: controls, bidi overrides, markup, prototype names. */
export const HOSTILE_TEXT = [
  '\u0000',
  '\u202Eetatsinimda\u202C',
  '\u200F\u2066x\u2069',
  '\u0007\u001B[31mred',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE sales; --",
  '__proto__',
  'constructor',
  'prototype',
  '\uD800',
  '\uFEFF',
  '𝟓𝟓𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖',
  '٥٥١٢٣٤٥٦٧٨',
  '../../etc/passwd',
  '%s%n%x',
] as const;

const hostileText = fc.constantFrom(...HOSTILE_TEXT);
/** Free text of any code points (lone surrogates and controls included). */
const anyText = (maxLength: number) => fc.string({ unit: 'binary', maxLength });

/** An object carrying `__proto__` as its own key, as JSON.parse makes it (a literal would set the prototype). */
export function withOwnKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

interface StringRules {
  min: number;
  max: number | undefined;
  pattern: RegExp | undefined;
  uuid: boolean;
}

function stringRules(schema: z.ZodType): StringRules {
  const rules: StringRules = { min: 0, max: undefined, pattern: undefined, uuid: false };
  for (const check of checksOf(schema)) {
    if (check.check === 'min_length') rules.min = Math.max(rules.min, check.minimum ?? 0);
    else if (check.check === 'max_length') rules.max = Math.min(rules.max ?? Infinity, check.maximum ?? Infinity);
    else if (check.check === 'length_equals') rules.min = rules.max = check.value ?? 0;
    else if (check.check === 'string_format' && check.format === 'uuid') rules.uuid = true;
    else if (check.check === 'string_format' && check.format === 'regex') rules.pattern = check.pattern;
    else if (check.check === 'string_format') throw new Error(`zod-arbitrary: string format ${check.format ?? '?'} is not modelled`);
    else throw new Error(`zod-arbitrary: string check ${check.check} is not modelled`);
  }
  return rules;
}

interface NumberRules {
  integer: boolean;
  min: number;
  max: number;
}

function numberRules(schema: z.ZodType): NumberRules {
  const rules: NumberRules = { integer: false, min: -Number.MAX_VALUE, max: Number.MAX_VALUE };
  for (const check of checksOf(schema)) {
    if (check.check === 'number_format' && (check.format === 'safeint' || check.format === 'int32')) {
      rules.integer = true;
      rules.min = Math.max(rules.min, Number.MIN_SAFE_INTEGER);
      rules.max = Math.min(rules.max, Number.MAX_SAFE_INTEGER);
    } else if (check.check === 'greater_than') rules.min = Math.max(rules.min, (check.value ?? 0) + (check.inclusive ? 0 : 1));
    else if (check.check === 'less_than') rules.max = Math.min(rules.max, (check.value ?? 0) - (check.inclusive ? 0 : 1));
    else throw new Error(`zod-arbitrary: number check ${check.check}/${check.format ?? ''} is not modelled`);
  }
  return rules;
}

function validString(schema: z.ZodType): fc.Arbitrary<string> {
  const rules = stringRules(schema);
  if (rules.uuid) return fc.uuid();
  if (rules.pattern) return fc.stringMatching(rules.pattern);
  const max = Math.min(rules.max ?? 300, 300);
  const fits = (text: string) => text.length >= rules.min && text.length <= (rules.max ?? Infinity);
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: rules.min, maxLength: max }) },
    { weight: 1, arbitrary: anyText(max).filter(fits) },
    { weight: 1, arbitrary: hostileText.filter(fits) },
  );
}

function validNumber(schema: z.ZodType): fc.Arbitrary<number> {
  const rules = numberRules(schema);
  if (rules.integer) return fc.integer({ min: Math.ceil(rules.min), max: Math.floor(rules.max) });
  return fc.double({ min: rules.min, max: rules.max, noNaN: true, noDefaultInfinity: true });
}

export function validArbitrary(schema: z.ZodType, hints: FieldHints, path: FieldPath = []): fc.Arbitrary<unknown> {
  const hinted = path.length > 0 ? hints(path) : undefined;
  if (hinted) return hinted;
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [key, field] of Object.entries(shape)) {
        const optional = defOf(field).type === 'optional';
        fields[key] = validArbitrary(optional ? (defOf(field).innerType as z.ZodType) : field, hints, [...path, key]);
        if (!optional) required.push(key);
      }
      return fc.record(fields, { requiredKeys: required });
    }
    case 'string':
      return validString(schema);
    case 'number':
      return validNumber(schema);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => validArbitrary(option, hints, path)));
    case 'array': {
      // Its length checks (min_length, max_length) bound the array; each element follows the element's schema.
      let minLength = 0;
      let maxLength = 10;
      for (const check of checksOf(schema)) {
        if (check.check === 'min_length') minLength = Math.max(minLength, check.minimum ?? 0);
        else if (check.check === 'max_length') maxLength = Math.min(maxLength, check.maximum ?? maxLength);
        else throw new Error(`zod-arbitrary: array check ${check.check} at ${path.join('.')} is not modelled`);
      }
      return fc.array(validArbitrary(def.element as z.ZodType, hints, [...path, '[]']), { minLength, maxLength: Math.max(minLength, maxLength) });
    }
    case 'optional':
      return fc.option(validArbitrary(def.innerType as z.ZodType, hints, path), { nil: undefined });
    case 'nullable':
      return fc.option(validArbitrary(def.innerType as z.ZodType, hints, path), { nil: null });
    default:
      throw new Error(`zod-arbitrary: schema type ${def.type} at ${path.join('.') || '(input)'} is not modelled`);
  }
}

/** The JavaScript kinds a schema accepts, so a "wrong type" is never one of them. */
function acceptedKinds(schema: z.ZodType): Set<string> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return new Set(['object']);
    case 'string':
    case 'number':
    case 'boolean':
      return new Set([def.type]);
    case 'enum':
    case 'literal':
      return new Set(Object.values(def.entries ?? {}).concat((def.values ?? []) as never[]).map((value) => typeof value));
    case 'union':
      return new Set((def.options ?? []).flatMap((option) => [...acceptedKinds(option)]));
    case 'array':
      return new Set(['array']);
    case 'optional':
      return new Set([...acceptedKinds(def.innerType as z.ZodType), 'undefined']);
    case 'nullable':
      return new Set([...acceptedKinds(def.innerType as z.ZodType), 'null']);
    default:
      throw new Error(`zod-arbitrary: schema type ${def.type} is not modelled`);
  }
}

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Values of every JavaScript kind; `wrongType` keeps those the schema does not accept. */
const everyKind: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -1, NaN, Infinity, 1e308, 50n, '', '50', '__proto__'),
  fc.integer(),
  fc.string({ maxLength: 20 }),
  fc.constantFrom([], [1], ['5512345678'], [{}]),
  fc.constantFrom({}, { minor: 5000, currency: 'MXN' }, withOwnKey({}, '__proto__', { polluted: true })),
);

function wrongType(schema: z.ZodType): fc.Arbitrary<unknown> {
  const accepted = acceptedKinds(schema);
  // An array is an object to typeof, and zod refuses it where an object is declared.
  return everyKind.filter((value) => !accepted.has(kindOf(value)) || (kindOf(value) === 'array' && !accepted.has('array')));
}

const HUGE = 100_000;

function invalidString(schema: z.ZodType): fc.Arbitrary<unknown> {
  const rules = stringRules(schema);
  const options: fc.Arbitrary<unknown>[] = [wrongType(schema)];
  if (rules.max !== undefined) {
    const max = rules.max;
    options.push(fc.integer({ min: max + 1, max: max + 40 }).map((length) => 'x'.repeat(length)));
    options.push(fc.constantFrom('\u202E'.repeat(max + 1), '9'.repeat(HUGE)));
  }
  if (rules.min > 0) options.push(fc.string({ maxLength: rules.min - 1 }));
  const pattern = rules.uuid ? /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i : rules.pattern;
  if (pattern) {
    const base = rules.uuid ? fc.uuid() : fc.stringMatching(pattern);
    const broken = fc.tuple(base, hostileText, fc.nat()).map(([text, hostile, at]) => {
      const cut = at % (text.length + 1);
      return text.slice(0, cut) + hostile + text.slice(cut);
    });
    options.push(fc.oneof(broken, anyText(40), fc.constantFrom(' 5512345678', '5512345678\n', 'mx', '-1')).filter((text) => !pattern.test(text)));
  }
  return fc.oneof(...options);
}

function invalidNumber(schema: z.ZodType): fc.Arbitrary<unknown> {
  const rules = numberRules(schema);
  const options: fc.Arbitrary<unknown>[] = [wrongType(schema), fc.constantFrom(NaN, Infinity, -Infinity)];
  if (rules.integer) {
    options.push(fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((value) => !Number.isInteger(value)));
    options.push(fc.constantFrom(0.5, 50.01, 2 ** 53, -(2 ** 53), 1e21, Number.MAX_VALUE));
  }
  // Just outside the declared bounds (bounds at the edge of safe integers are covered by 2 ** 53 above).
  if (rules.min > Number.MIN_SAFE_INTEGER) options.push(fc.integer({ min: Math.max(Number.MIN_SAFE_INTEGER, Math.ceil(rules.min) - 1e9), max: Math.ceil(rules.min) - 1 }));
  if (rules.max < Number.MAX_SAFE_INTEGER) options.push(fc.integer({ min: Math.floor(rules.max) + 1, max: Math.min(Number.MAX_SAFE_INTEGER, Math.floor(rules.max) + 1e9) }));
  return fc.oneof(...options);
}

function invalidChoice(schema: z.ZodType, members: readonly unknown[]): fc.Arbitrary<unknown> {
  const near = members.flatMap((member) =>
    typeof member === 'string' ? [member.toUpperCase(), ` ${member}`, `${member}\u0000`] : typeof member === 'number' ? [member + 1, -member, String(member)] : [],
  );
  const candidates = fc.oneof(wrongType(schema), fc.constantFrom(...near, '__proto__', 'constructor', ''), fc.string({ maxLength: 12 }));
  return candidates.filter((value) => !members.includes(value));
}

function invalidObject(schema: z.ZodType, hints: FieldHints, path: FieldPath): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const shape = def.shape ?? {};
  const valid = validArbitrary(schema, hints, path) as fc.Arbitrary<Record<string, unknown>>;
  const options: fc.Arbitrary<unknown>[] = [wrongType(schema), valid.map((value) => [value])];
  // Strict objects (`.strict()`: catchall never) refuse any key they do not declare, `__proto__` included.
  if (def.catchall && defOf(def.catchall).type === 'never') {
    const extraKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'isAdmin', 'role'), fc.string({ minLength: 1, maxLength: 10 }));
    options.push(
      fc
        .tuple(valid, extraKey, everyKind)
        .filter(([, key]) => !Object.hasOwn(shape, key))
        .map(([value, key, extra]) => withOwnKey(value, key, extra)),
    );
  }
  const required = Object.keys(shape).filter((key) => defOf(shape[key] as z.ZodType).type !== 'optional');
  if (required.length > 0) {
    options.push(
      fc.tuple(valid, fc.constantFrom(...required)).map(([value, key]) => {
        const copy = { ...value };
        delete copy[key];
        return copy;
      }),
    );
  }
  for (const [key, field] of Object.entries(shape)) {
    options.push(fc.tuple(valid, invalidArbitrary(field, hints, [...path, key])).map(([value, bad]) => withOwnKey(value, key, bad)));
  }
  return fc.oneof(...options);
}

/** Values that break a constraint `schema` declares (never `undefined` where the schema is optional). */
export function invalidArbitrary(schema: z.ZodType, hints: FieldHints, path: FieldPath = []): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return invalidObject(schema, hints, path);
    case 'string':
      return invalidString(schema);
    case 'number':
      return invalidNumber(schema);
    case 'boolean':
      return fc.oneof(wrongType(schema), fc.constantFrom('true', 1, 0));
    case 'enum':
      return invalidChoice(schema, Object.values(def.entries ?? {}));
    case 'literal':
      return invalidChoice(schema, def.values ?? []);
    case 'union': {
      // Invalid for a union when invalid for every member: a wrong type for all of them, or a near-miss of a member.
      const members = (def.options ?? []).flatMap((option) => (defOf(option).type === 'literal' ? (defOf(option).values ?? []) : []));
      if (members.length === (def.options ?? []).length) return invalidChoice(schema, members);
      return wrongType(schema);
    }
    case 'array':
      // Not an array at all, or an array holding one element its schema refuses.
      return fc.oneof(wrongType(schema), invalidArbitrary(def.element as z.ZodType, hints, [...path, '[]']).map((bad) => [bad]));
    case 'optional':
      return invalidArbitrary(def.innerType as z.ZodType, hints, path).filter((value) => value !== undefined);
    case 'nullable':
      return invalidArbitrary(def.innerType as z.ZodType, hints, path).filter((value) => value !== null);
    default:
      throw new Error(`zod-arbitrary: schema type ${def.type} at ${path.join('.') || '(input)'} is not modelled`);
  }
}
