/**
 * MobiSend's read-only catalog as the sandbox answers it: the API's own status, providers per country,
 * products per country and carrier, and billers with paging (the document's Duke Energy and synthetic ones),
 * plus the reply and query-number helpers the MobiSend simulator shares.
 */
import { money, toMajorNumber } from '../../shared/money';
import { SANDBOX_COUNTRIES, SANDBOX_PRODUCTS, findCarrier, findCountry, type SandboxProduct } from './catalog';
import type { SandboxReply } from './simulator';

export interface SandboxBiller {
  id: number;
  biller_code: string;
  name: string;
  category: string;
  country: string;
  rush_available: boolean;
  provider: 'cellpay';
}

/** The document's Duke Energy first, then enough synthetic billers to page through. */
function buildBillers(): SandboxBiller[] {
  const billers: SandboxBiller[] = [
    { id: 456, biller_code: '12345', name: 'Duke Energy', category: 'electric', country: 'US', rush_available: true, provider: 'cellpay' },
  ];
  const categories = ['electric', 'cable', 'water', 'gas', 'phone'];
  const names: Record<string, string> = { electric: 'Electric', cable: 'Cable TV', water: 'Water Works', gas: 'Gas Service', phone: 'Telephone' };
  for (let index = 1; index <= 249; index += 1) {
    const category = categories[index % categories.length] ?? 'electric';
    billers.push({
      id: 1000 + index,
      biller_code: String(20000 + index),
      name: `${['Acme', 'Summit', 'Valley', 'Metro', 'Lakeside'][index % 5]} ${names[category]} ${String(index).padStart(3, '0')}`,
      category,
      country: index % 4 === 0 ? 'MX' : 'US',
      rush_available: index % 3 !== 0,
      provider: 'cellpay',
    });
  }
  return billers;
}

export const SANDBOX_BILLERS: readonly SandboxBiller[] = buildBillers();

export function apiStatusReply(): SandboxReply {
  return {
    status: 200,
    json: {
      success: true,
      name: 'MobiSend D2C API',
      version: '1.0',
      endpoints: ['GET /providers', 'GET /catalog/:country', 'GET /catalog/:country/:carrier', 'GET /billers', 'GET /balance', 'POST /topup', 'POST /billpay', 'GET /order/:id', 'GET /orders'],
    },
  };
}

export function providersReply(): SandboxReply {
  const countries: Record<string, unknown> = {};
  for (const country of SANDBOX_COUNTRIES) {
    const products = SANDBOX_PRODUCTS.filter((product) => product.country === country.code);
    countries[country.code] = {
      carriers: country.carriers.map((carrier) => ({ name: carrier.name, products: products.filter((product) => product.carrier === carrier).length })),
      total_products: products.length,
      provider: country.provider,
    };
  }
  return { status: 200, json: { success: true, countries, total_countries: SANDBOX_COUNTRIES.length } };
}

export function catalogReply(countryCode: string, carrierName: string | undefined): SandboxReply {
  const country = findCountry(countryCode);
  if (!country) return notFound(`No products for country ${countryCode}`);
  const products = SANDBOX_PRODUCTS.filter((product) => product.country === country.code);
  if (carrierName !== undefined) {
    const carrier = findCarrier(country, carrierName);
    if (!carrier) return notFound(`No products for carrier ${carrierName}`);
    const items = products.filter((product) => product.carrier === carrier).map(productJson);
    return { status: 200, json: { success: true, country: country.code, carrier: carrier.name, products: items, total_products: items.length } };
  }
  const carriers: Record<string, unknown[]> = {};
  for (const carrier of country.carriers) carriers[carrier.name] = products.filter((product) => product.carrier === carrier).map(productJson);
  return { status: 200, json: { success: true, country: country.code, carriers, total_products: products.length } };
}

export function billersReply(query: URLSearchParams): SandboxReply {
  const page = positiveInt(query.get('page'), 1);
  const requestedLimit = positiveInt(query.get('limit'), 50);
  if (page === undefined || requestedLimit === undefined) return badRequest('page and limit must be positive integers');
  const limit = Math.min(200, requestedLimit);
  const search = query.get('search')?.toLowerCase();
  const country = query.get('country')?.toUpperCase();
  const category = query.get('category')?.toLowerCase();
  const matching = SANDBOX_BILLERS.filter(
    (biller) =>
      (!search || biller.name.toLowerCase().includes(search) || biller.category.includes(search)) &&
      (!country || biller.country === country) &&
      (!category || biller.category === category),
  );
  return {
    status: 200,
    json: {
      success: true,
      billers: matching.slice((page - 1) * limit, page * limit),
      pagination: { total: matching.length, page, limit, pages: Math.ceil(matching.length / limit) },
    },
  };
}

function productJson(product: SandboxProduct): Record<string, unknown> {
  return { product_id: product.productId, name: product.name, amount: toMajorNumber(money(product.amountMinor, product.currency)), currency: product.currency, type: product.type };
}

export function notFound(error: string): SandboxReply {
  return { status: 404, json: { success: false, error } };
}

export function badRequest(error: string): SandboxReply {
  return { status: 400, json: { success: false, error } };
}

export function positiveInt(text: string | null, fallback: number): number | undefined {
  if (text === null || text === '') return fallback;
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

export function nonNegativeInt(text: string | null): number | undefined {
  if (text === null || text === '') return 0;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}
