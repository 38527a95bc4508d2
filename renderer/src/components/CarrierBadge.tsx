/** A carrier's mark: its initials on its colour (no image files to ship or license). */
const COLOURS: Record<string, string> = {
  telcel: '#0b3d91',
  movistar: '#00796b',
  'at&t': '#005a9c',
  unefon: '#b71c1c',
  virgin: '#c2185b',
  bait: '#e65100',
  claro: '#c62828',
  digicel: '#ad1457',
  tigo: '#1a237e',
  bitel: '#f9a825',
  entel: '#283593',
  globe: '#1565c0',
  smart: '#2e7d32',
  tnt: '#6a1b9a',
};

export function CarrierBadge({ name }: { name: string }) {
  const colour = COLOURS[name.toLowerCase()] ?? '#37474f';
  const initials = name.replace(/[^A-Za-z0-9&]/g, '').slice(0, name.includes('&') ? 3 : 2).toUpperCase();
  return (
    <span className="carrier-badge" aria-hidden="true" style={{ background: colour }}>
      {initials}
    </span>
  );
}
