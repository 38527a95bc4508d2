/**
 * What a bundle includes, read from the words its catalog entry uses ("Paquete Internet 5GB 30 días + WhatsApp,
 * Facebook", "Amigo Sin Límite 3GB 15 días, minutos ilimitados"). Providers' catalogs give a name, not fields
 * (MobiSend: product_id, name, amount, currency, type), so this reads the name; whatever it cannot read stays
 * in `description`, shown as the catalog wrote it.
 */
import type { BundleIncludes } from '../../../shared/contract/sale-kinds';

const APPS = ['WhatsApp', 'Facebook', 'Instagram', 'Messenger', 'Twitter', 'X', 'TikTok', 'Snapchat', 'YouTube', 'Telegram', 'Waze', 'Uber'];

export function bundleIncludes(name: string): BundleIncludes {
  const includes: BundleIncludes = { apps: [], description: name };
  const data = /(\d+(?:[.,]\d+)?)\s*(GB|MB)\b/i.exec(name);
  if (data?.[1] && data[2]) {
    const amount = Number(data[1].replace(',', '.'));
    const dataMb = Math.round(data[2].toUpperCase() === 'GB' ? amount * 1024 : amount);
    if (dataMb > 0) includes.dataMb = dataMb;
  }
  const days = /(\d+)\s*(d[ií]as?|days?)\b/i.exec(name);
  if (days?.[1] && Number(days[1]) > 0) includes.days = Number(days[1]);
  const minutes = /(\d+)\s*(min(?:utos)?|minutes?)\b/i.exec(name);
  if (minutes?.[1] && Number(minutes[1]) > 0) includes.minutes = Number(minutes[1]);
  includes.apps = APPS.filter((app) => new RegExp(`(^|[^\\p{L}])${app}([^\\p{L}]|$)`, 'iu').test(name));
  return includes;
}
