/**
 * Whether this launch runs as a kiosk: the owner's setting, or forced for one launch by the field tech
 * (`--kiosk` on the command line, or SALDO_KIOSK=1 in the environment). Pure: the host passes what it read.
 */
export interface KioskLaunch {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** The `kiosk` setting the owner or tech turned on. */
  setting: boolean;
}

export const KIOSK_FLAG = '--kiosk';
export const KIOSK_ENV = 'SALDO_KIOSK';

/** True when the launch itself asks for kiosk mode, before the settings can be read. */
export function kioskForcedByLaunch(launch: Pick<KioskLaunch, 'argv' | 'env'>): boolean {
  return launch.argv.includes(KIOSK_FLAG) || launch.env[KIOSK_ENV] === '1';
}

export function isKioskMode(launch: KioskLaunch): boolean {
  return launch.setting || kioskForcedByLaunch(launch);
}
