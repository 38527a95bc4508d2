/**
 * The carriers and products the sandboxes sell: Mexico's carriers for all three, and a few of MobiSend's other
 * countries. Amounts are integer minor units, as everywhere in Saldo.
 */

export interface SandboxCarrier {
  /** Liquido-style short id ("TA" for Telcel in the document's example). */
  id: string;
  name: string;
  skuPrefix: string;
}

export interface SandboxCountry {
  code: string;
  currency: string;
  /** National number length, for MobiSend's "Phone must be X digits". */
  phoneDigits: number;
  provider: string;
  carriers: SandboxCarrier[];
  /** Top-up face values in minor units, the same for every carrier of the country. */
  topupAmounts: number[];
  /** Bundles: [name, amount in minor units]. */
  bundles: [string, number][];
}

export const SANDBOX_COUNTRIES: SandboxCountry[] = [
  {
    code: 'MX',
    currency: 'MXN',
    phoneDigits: 10,
    provider: 'CODIGOARIX',
    carriers: [
      { id: 'TA', name: 'Telcel', skuPrefix: 'TAE' },
      { id: 'MOV', name: 'Movistar', skuPrefix: 'MOV' },
      { id: 'ATT', name: 'AT&T', skuPrefix: 'ATT' },
      { id: 'UNE', name: 'Unefon', skuPrefix: 'UNE' },
      { id: 'VIR', name: 'Virgin', skuPrefix: 'VIR' },
      { id: 'BAIT', name: 'Bait', skuPrefix: 'BAI' },
    ],
    topupAmounts: [10, 20, 30, 50, 100, 150, 200, 300, 500].map((pesos) => pesos * 100),
    // Bundles name what they include, as carriers' catalogs do: data, days, apps, minutes.
    bundles: [
      ['Paquete Internet 2GB 7 días + WhatsApp', 10_000],
      ['Paquete Internet 5GB 30 días + WhatsApp, Facebook', 20_000],
      ['Amigo Sin Límite 3GB 15 días, minutos ilimitados', 15_000],
    ],
  },
  {
    code: 'HN',
    currency: 'USD',
    phoneDigits: 8,
    provider: 'PPN',
    carriers: [
      { id: 'CLARO', name: 'Claro', skuPrefix: 'CLH' },
      { id: 'DIGICEL', name: 'Digicel', skuPrefix: 'DGH' },
      { id: 'TIGO', name: 'Tigo', skuPrefix: 'TGH' },
    ],
    topupAmounts: [100, 200, 500, 1000],
    bundles: [['Paquete 1GB 7 días + WhatsApp', 300]],
  },
  {
    code: 'PH',
    currency: 'USD',
    phoneDigits: 10,
    provider: 'PPN',
    carriers: [
      { id: 'GLOBE', name: 'Globe', skuPrefix: 'GLB' },
      { id: 'SMART', name: 'Smart', skuPrefix: 'SMT' },
      { id: 'TNT', name: 'TNT', skuPrefix: 'TNT' },
    ],
    topupAmounts: [100, 300, 500],
    bundles: [],
  },
  {
    code: 'PE',
    currency: 'USD',
    phoneDigits: 9,
    provider: 'PPN',
    carriers: [
      { id: 'BITEL', name: 'Bitel', skuPrefix: 'BTL' },
      { id: 'ENTEL', name: 'Entel', skuPrefix: 'ENT' },
      { id: 'CLARO', name: 'Claro', skuPrefix: 'CLP' },
      { id: 'MOVISTAR', name: 'Movistar', skuPrefix: 'MVP' },
    ],
    topupAmounts: [200, 500, 1000],
    bundles: [],
  },
];

export interface SandboxProduct {
  /** MobiSend's numeric product_id. */
  productId: number;
  /** Liquido-style SKU ("TAE010"). */
  sku: string;
  name: string;
  country: string;
  carrier: SandboxCarrier;
  amountMinor: number;
  currency: string;
  type: 'topup' | 'bundle';
}

function buildProducts(): SandboxProduct[] {
  const products: SandboxProduct[] = [];
  let productId = 100;
  for (const country of SANDBOX_COUNTRIES) {
    for (const carrier of country.carriers) {
      for (const amount of country.topupAmounts) {
        const major = amount / 100;
        products.push({
          productId: productId++,
          sku: `${carrier.skuPrefix}${String(major).padStart(3, '0')}`,
          name: country.currency === 'MXN' ? `Recarga $${major}` : `Topup ${major} ${country.currency}`,
          country: country.code,
          carrier,
          amountMinor: amount,
          currency: country.currency,
          type: 'topup',
        });
      }
      country.bundles.forEach(([name, amount], index) => {
        products.push({
          productId: productId++,
          sku: `${carrier.skuPrefix}B${index + 1}`,
          name,
          country: country.code,
          carrier,
          amountMinor: amount,
          currency: country.currency,
          type: 'bundle',
        });
      });
    }
  }
  return products;
}

export const SANDBOX_PRODUCTS: readonly SandboxProduct[] = buildProducts();

export function findCountry(code: string): SandboxCountry | undefined {
  return SANDBOX_COUNTRIES.find((country) => country.code === code.toUpperCase());
}

/** A carrier by id or by name, case-insensitive (Liquido's SKU list uses the name where the path wants the id). */
export function findCarrier(country: SandboxCountry, idOrName: string): SandboxCarrier | undefined {
  const wanted = idOrName.toLowerCase();
  return country.carriers.find((carrier) => carrier.id.toLowerCase() === wanted || carrier.name.toLowerCase() === wanted);
}

/**
 * Sandbox-only test numbers for MobiSend and Liquido (Relier's are its document's: 5500000000, 5500000001).
 * The ending decides: the same number works in every country.
 */
export const SANDBOX_TEST_NUMBERS = {
  rejected: '5500000001',
  possibleDuplicate: '5500000002',
  slow: '5500000003',
} as const;

/**
 * MobiSend detects a Mexican number's carrier when none is named. The sandbox's stand-in for the carrier
 * database: the number's last digit (5 or 6: Movistar, 7: AT&T, anything else: Telcel), so tests can show a
 * detected carrier that is not the default one.
 */
export function detectSandboxCarrier(country: SandboxCountry, phone: string): SandboxCarrier | undefined {
  const last = phone.at(-1);
  const name = last === '5' || last === '6' ? 'Movistar' : last === '7' ? 'AT&T' : 'Telcel';
  return findCarrier(country, name) ?? country.carriers[0];
}

export function testNumberBehaviour(phone: string): 'rejected' | 'possible_duplicate' | 'slow' | 'normal' {
  const digits = phone.replace(/\D/g, '');
  if (digits.endsWith(SANDBOX_TEST_NUMBERS.rejected)) return 'rejected';
  if (digits.endsWith(SANDBOX_TEST_NUMBERS.possibleDuplicate)) return 'possible_duplicate';
  if (digits.endsWith(SANDBOX_TEST_NUMBERS.slow)) return 'slow';
  return 'normal';
}

/** A sandbox's own credential: random, never resembling a real provider key. */
export function sandboxSecret(label: string, randomHex: string): string {
  return `sandbox-${label}-${randomHex}`;
}
