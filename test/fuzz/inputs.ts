/**
 * Inputs for one channel: valid ones derived from its zod schema (with meaningful values for the fields the
 * contract uses, by field name, so a new channel with a `phone` or an `id` gets them too), inputs that break
 * a declared constraint, and anything at all (maps, dates, symbols-free objects, huge numbers, null).
 */
import fc from 'fast-check';
import { channels, type ChannelName } from '../../shared/contract';
import type { FuzzWorld } from './harness';
import { KNOWN_PINS } from './harness';
import { HOSTILE_TEXT, invalidArbitrary, validArbitrary, type FieldHints } from './zod-arbitrary';

export interface FuzzInput {
  value: unknown;
  /** Built to break a constraint the contract declares: must be refused as malformed. */
  declaredInvalid: boolean;
}

/** Valid for the schema, meaningful for the core: real sale ids, the sandbox test numbers, Mexico, pesos, the demo PINs. */
function fieldHints(world: FuzzWorld): FieldHints {
  const fitting = (min: number, max: number) => fc.constantFrom(...HOSTILE_TEXT).filter((text) => text.length >= min && text.length <= max);
  return (path) => {
    const field = path[path.length - 1];
    switch (field) {
      case 'id':
      case 'saleId':
        return fc.oneof(
          { weight: 3, arbitrary: world.saleIds.length > 0 ? fc.constantFrom(...world.saleIds) : fc.uuid() },
          { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 100 }) },
          { weight: 1, arbitrary: fitting(1, 100) },
        );
      case 'requestId':
        return fc.uuid();
      case 'phone':
        return fc.oneof(
          fc.constantFrom('5500000000', '5500000001', '5500000002', '5512345678'),
          fc.stringMatching(/^55\d{8}$/),
          fc.stringMatching(/^\d{6,15}$/),
        );
      case 'country':
        return fc.oneof({ weight: 4, arbitrary: fc.constant('MX') }, { weight: 1, arbitrary: fc.constantFrom('HN', 'PE', 'BR', 'CO', 'US', 'ZZ') }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{2}$/) });
      case 'carrier':
        return fc.oneof({ weight: 3, arbitrary: fc.constantFrom('Telcel', 'Movistar', 'AT&T', 'Bait', 'telcel ') }, { weight: 1, arbitrary: fitting(1, 60) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 60 }) });
      case 'currency':
        return fc.oneof({ weight: 4, arbitrary: fc.constant('MXN') }, { weight: 1, arbitrary: fc.constantFrom('USD', 'HNL', 'BRL', 'XXX') });
      case 'minor':
        return fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(1000, 2000, 5000, 10000, 50000) },
          { weight: 1, arbitrary: fc.constantFrom(0, -5000, 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER) },
          { weight: 1, arbitrary: fc.integer() },
        );
      case 'sku':
        return fc.oneof(fc.constantFrom('TAE050', 'TAE100', 'TELCEL50'), fc.string({ minLength: 1, maxLength: 64 }));
      case 'pin':
      case 'ownerPin':
        return fc.oneof(fc.constantFrom(...KNOWN_PINS), fc.stringMatching(/^\d{4,6}$/));
      default:
        return undefined;
    }
  };
}

export function channelInputs(channel: ChannelName, world: FuzzWorld): fc.Arbitrary<FuzzInput> {
  const schema = channels[channel].input;
  const hints = fieldHints(world);
  const valid = validArbitrary(schema, hints);
  // The dispatcher reads a missing input (null, undefined) as {}: those are not invalid by construction.
  const invalid = invalidArbitrary(schema, hints).filter((value) => value !== null && value !== undefined);
  const anything = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, maxDepth: 3 });
  // Refinements over a whole object (a sale takes exactly one of amount or sku) are not modelled by the walker:
  // this share keeps what the contract accepts, so most "valid" cases reach the handler.
  const acceptedByContract = valid.filter((value) => schema.safeParse(value).success);
  return fc.oneof(
    { weight: 3, arbitrary: acceptedByContract.map((value) => ({ value, declaredInvalid: false })) },
    { weight: 1, arbitrary: valid.map((value) => ({ value, declaredInvalid: false })) },
    { weight: 5, arbitrary: invalid.map((value) => ({ value, declaredInvalid: true })) },
    { weight: 1, arbitrary: anything.map((value) => ({ value, declaredInvalid: false })) },
  );
}
