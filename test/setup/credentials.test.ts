/**
 * Provider credentials typed on the screen, through the assembled core: stored encrypted, never answered back
 * (only "configured, ends in …"), by any channel; "Probar conexión" says in one code what is wrong; environment
 * variables win and the answer says so; removal is explicit; all journaled without a value; the next start is live.
 * The secret is a canary the sandbox accepts, so finding it anywhere it should not be is unambiguous.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels } from '../../shared/contract';
import type { CredentialsView } from '../../shared/contract/credentials';
import { startSandbox, type RunningSandbox } from '../../electron/sandbox';
import { chooseSeed } from '../sales/seeded-random';
import { validArbitrary } from '../fuzz/zod-arbitrary';
import { call, cleanUpCores, freshDir, outcome, signIn, startCore, value, type Core } from './helpers';

const CANARY = `canary-${Math.random().toString(36).slice(2, 10)}-k3y9`;
let sandbox: RunningSandbox;
let core: Core;
let dataDir: string;

beforeAll(async () => {
  sandbox = await startSandbox('mobisend', { credentials: { apiKey: CANARY } });
  dataDir = freshDir('credentials');
  core = await startCore(dataDir);
  await signIn(core, '4321');
}, 30_000);
afterAll(async () => {
  await cleanUpCores();
  await sandbox.close();
});

const mobisend = (view: CredentialsView) => view.providers.find((provider) => provider.provider === 'mobisend');

describe('storing credentials', () => {
  it('answers only "configured, ends in …" and that a restart applies them', async () => {
    const view = await value<CredentialsView>(core, 'credentials.set', { provider: 'mobisend', baseUrl: sandbox.url, apiKey: CANARY });
    expect(mobisend(view)).toMatchObject({ source: 'stored', stored: true, baseUrl: sandbox.url, credentials: { apiKey: { set: true, last4: CANARY.slice(-4) } } });
    expect(view.restartRequired).toBe(true);
    expect(JSON.stringify(view)).not.toContain(CANARY);
  });

  it('keeps the secret encrypted on disk and out of the journal', async () => {
    expect(readFileSync(join(dataDir, 'providers.json'), 'utf8')).not.toContain(CANARY);
    const entries = core.journal.entries({ kind: 'credentials.set' });
    expect(entries.at(-1)).toMatchObject({ subject: 'mobisend', detail: { provider: 'mobisend', fields: ['apiKey'] } });
    expect(JSON.stringify(core.journal.entries())).not.toContain(CANARY);
  });

  it('refuses an address that is not https (off this machine) and stores nothing', async () => {
    const before = readFileSync(join(dataDir, 'providers.json'), 'utf8');
    expect(await outcome(core, 'credentials.set', { provider: 'mobisend', baseUrl: 'http://api.example.com', apiKey: 'another-key-0000' })).toBe('insecure_url');
    expect(readFileSync(join(dataDir, 'providers.json'), 'utf8')).toBe(before);
  });
});

describe('Probar conexión', () => {
  it('answers with the balance when the provider accepts the credentials', async () => {
    await signIn(core, '4321');
    const answer = await value<{ ok: boolean; balance: { currency: string } | null }>(core, 'credentials.test', { provider: 'mobisend' });
    expect(answer).toMatchObject({ ok: true, balance: { currency: 'USD' } });
    expect(mobisend(await value<CredentialsView>(core, 'credentials.list'))?.lastTest).toMatchObject({ ok: true });
  });

  it('says the IP is not authorized when the provider says so', async () => {
    sandbox.control.setFaults([{ kind: 'respond', status: 403, body: { success: false, error: 'IP not authorized' }, count: 1 }]);
    expect(await outcome(core, 'credentials.test', { provider: 'mobisend' })).toBe('ip_not_allowed');
  });

  it('says the key is wrong, the provider is unreachable, or it has no credentials', async () => {
    await value(core, 'credentials.set', { provider: 'mobisend', baseUrl: sandbox.url, apiKey: 'not-the-right-key-1' });
    expect(await outcome(core, 'credentials.test', { provider: 'mobisend' })).toBe('bad_credentials');
    await value(core, 'credentials.set', { provider: 'mobisend', baseUrl: 'http://127.0.0.1:9', apiKey: 'not-the-right-key-1' });
    expect(await outcome(core, 'credentials.test', { provider: 'mobisend' })).toBe('provider_unreachable');
    expect(await outcome(core, 'credentials.test', { provider: 'liquido' })).toBe('not_configured');
    expect(mobisend(await value<CredentialsView>(core, 'credentials.list'))?.lastTest).toMatchObject({ ok: false, code: 'provider_unreachable' });
    await value(core, 'credentials.set', { provider: 'mobisend', baseUrl: sandbox.url, apiKey: CANARY });
  });

  it('a cashier may neither see, set, test nor remove credentials', async () => {
    await signIn(core, '1234');
    for (const [channel, input] of [
      ['credentials.list', {}],
      ['credentials.set', { provider: 'mobisend', baseUrl: sandbox.url, apiKey: 'cashier-key-0001' }],
      ['credentials.test', { provider: 'mobisend' }],
      ['credentials.remove', { provider: 'mobisend' }],
    ] as const) {
      expect(await outcome(core, channel, input)).toBe('forbidden');
    }
  });
});

describe('after storing', () => {
  it('the next start is live on the stored credentials (no sandbox); the environment still wins', async () => {
    await core.close();
    const live = await startCore(dataDir);
    expect(live.info.mode).toBe('live');
    expect(live.sandboxes).toEqual([]);
    const status = await value<{ needed: boolean; restartRequired: boolean }>(live, 'setup.status');
    expect(status).toMatchObject({ needed: true, restartRequired: false });
    await live.close();

    const withEnv = await startCore(dataDir, { SALDO_MOBISEND_URL: sandbox.url, SALDO_MOBISEND_API_KEY: `${CANARY}` });
    await value(withEnv, 'setup.createOwner', { name: 'Lupita', pin: '908172', pinAgain: '908172' });
    const view = await value<CredentialsView>(withEnv, 'credentials.list');
    expect(mobisend(view)).toMatchObject({ source: 'env', stored: true });
    expect(await outcome(withEnv, 'credentials.test', { provider: 'mobisend' })).toBe('ok');
  }, 30_000);

  it('removing is explicit and journaled; the environment is untouched', async () => {
    const again = await startCore(dataDir, { SALDO_MOBISEND_URL: sandbox.url, SALDO_MOBISEND_API_KEY: CANARY });
    await signIn(again, '908172');
    const view = await value<CredentialsView>(again, 'credentials.remove', { provider: 'mobisend' });
    expect(mobisend(view)).toMatchObject({ source: 'env', stored: false });
    expect(again.journal.entries({ kind: 'credentials.removed' }).at(-1)).toMatchObject({ subject: 'mobisend', detail: { environmentWins: true } });
  }, 30_000);
});

describe('no answer carries a credential', () => {
  it('no channel, called by an owner of a live shop (credentials stored and in the environment) with any valid input, answers the secret', async () => {
    const seed = chooseSeed();
    console.log(`credentials sweep: seed ${seed} (replay with SALDO_SEED=${seed})`);
    // Storing, removing and leaving demo are exercised on their own; the sweep must keep the canary stored.
    const skipped = new Set(['credentials.set', 'credentials.remove', 'setup.leaveDemo', 'users.disable', 'users.changeOwnPin', 'auth.signOut', 'auth.signIn', 'users.resetPin']);
    const live = await startCore(dataDir, { SALDO_MOBISEND_URL: sandbox.url, SALDO_MOBISEND_API_KEY: CANARY });
    await signIn(live, '908172');
    await value(live, 'credentials.set', { provider: 'mobisend', baseUrl: sandbox.url, apiKey: CANARY });
    for (const channel of channelNames.filter((name) => !skipped.has(name))) {
      const inputs = fc.sample(validArbitrary(channels[channel].input, () => undefined), { numRuns: 3, seed }).filter((input) => channels[channel].input.safeParse(input).success);
      for (const input of [{}, ...inputs]) {
        await signIn(live, '908172');
        const answer = await call(live, channel, input);
        expect(JSON.stringify(answer), `${channel} answered the secret`).not.toContain(CANARY);
      }
    }
    expect(mobisend(await value<CredentialsView>(live, 'credentials.list'))?.stored).toBe(true);
  }, 120_000);
});
