/** A carrier's mark: its initials on its colour (no image files to ship or license). */
const COLOURS: Record<string, string> = {
  telcel: '#0b3d91',
  movistar: '#00695c',
  'at&t': '#005a9c',
  unefon: '#b71c1c',
  virgin: '#ad1457',
  bait: '#a84300',
  claro: '#b71c1c',
  digicel: '#ad1457',
  tigo: '#1a237e',
  bitel: '#7a5200',
  entel: '#283593',
  globe: '#0d47a1',
  smart: '#1b5e20',
  tnt: '#6a1b9a',
};

export function CarrierBadge({ name }: { name: string }) {
  const colour = COLOURS[name.toLowerCase()] ?? '#37474f';
  const initials = name.replace(/[^A-Za-z0-9]/g, '').slice(0, 2).toUpperCase();
  return (
    <span className="carrier-badge" aria-hidden="true" style={{ background: colour }}>
      {initials}
    </span>
  );
}
