/**
 * Leaving the kiosk: with today's empty allow-list no URL at all is handed to the system browser; with an
 * origin on a list, only https URLs of exactly that origin are.
 */
import { describe, expect, it } from 'vitest';
import { decideExternalNavigation, EXTERNAL_ORIGIN_ALLOW_LIST } from '../../electron/main/navigation';

const DENY = { action: 'deny' };

describe('decideExternalNavigation', () => {
  it('opens nothing externally today: the allow-list is empty', () => {
    expect(EXTERNAL_ORIGIN_ALLOW_LIST).toEqual([]);
    const urls = [
      'https://www.google.com/',
      'https://relier.example/help',
      'http://example.com/',
      'file:///C:/Windows/System32/cmd.exe',
      'ms-settings:',
      'javascript:alert(1)',
      'mailto:soporte@saldo.invalid',
      'app://saldo/index.html',
      'not a url',
    ];
    for (const url of urls) expect(decideExternalNavigation(url), url).toEqual(DENY);
  });

  it('opens only https URLs of an exact listed origin', () => {
    const allowList = ['https://help.saldo.example'];
    expect(decideExternalNavigation('https://help.saldo.example/recargas?x=1', allowList)).toEqual({
      action: 'open-external',
      url: 'https://help.saldo.example/recargas?x=1',
    });
    const refused = [
      'http://help.saldo.example/',
      'https://help.saldo.example:8443/',
      'https://evil.help.saldo.example/',
      'https://help.saldo.example.evil.com/',
      'https://help.saldo.example@evil.example/',
      'https://user:pw@help.saldo.example/',
      'file://help.saldo.example/x',
    ];
    for (const url of refused) expect(decideExternalNavigation(url, allowList), url).toEqual(DENY);
  });
});
