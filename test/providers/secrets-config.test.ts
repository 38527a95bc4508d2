import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeSecretStore, SECRET_KEY_FILE } from '../../electron/core/secrets/node-secret-store';
import { SecretStoreError } from '../../electron/core/secrets/secret-store';
import {
  PROVIDER_SETTINGS_FILE,
  ProviderConfigError,
  maskProviderCredentials,
  maskSecret,
  resolveProviderConfig,
  saveProviderSettings,
} from '../../electron/core/providers/config';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'saldo-secrets-'));

describe('NodeSecretStore', () => {
  it('round-trips through AES-256-GCM with a 0600 key file, and the same key on reopen', () => {
    const dir = tempDir();
    const store = NodeSecretStore.open(dir);
    const sealed = store.encrypt('sandbox-secret-value');
    expect(sealed).not.toContain('sandbox-secret-value');
    expect(store.encrypt('sandbox-secret-value')).not.toBe(sealed);
    expect(NodeSecretStore.open(dir).decrypt(sealed)).toBe('sandbox-secret-value');
    if (process.platform !== 'win32') expect(statSync(join(dir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('refuses tampered values and values from another key', () => {
    const store = NodeSecretStore.open(tempDir());
    const sealed = store.encrypt('value');
    const bytes = Buffer.from(sealed.slice(3), 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => store.decrypt(`v1:${bytes.toString('base64')}`)).toThrow(SecretStoreError);
    expect(() => NodeSecretStore.open(tempDir()).decrypt(sealed)).toThrow(SecretStoreError);
    expect(() => store.decrypt('plain text')).toThrow(SecretStoreError);
  });
});

describe('provider configuration', () => {
  const env = {
    SALDO_RELIER_URL: 'http://127.0.0.1:1',
    SALDO_RELIER_API_KEY: 'sandbox-env-relier-key',
    SALDO_RELIER_CUSTOMER_ID: 'SANDBOX_1',
  };

  it('takes the environment first, then stored settings, then demo mode', () => {
    const dir = tempDir();
    saveProviderSettings(dir, NodeSecretStore.open(dir), {
      relier: { baseUrl: 'https://stored.example', apiKey: 'sandbox-stored-relier', customerId: 'C' },
      mobisend: { baseUrl: 'https://stored.example/api/mobisend', apiKey: 'sandbox-stored-mobisend-key' },
    });
    const resolved = resolveProviderConfig({ env, dataDir: dir, secretStore: () => NodeSecretStore.open(dir) });
    expect(resolved.sources).toEqual({ relier: 'env', mobisend: 'stored', liquido: 'demo' });
    expect(resolved.config.relier?.apiKey).toBe('sandbox-env-relier-key');
    expect(resolved.config.mobisend?.apiKey).toBe('sandbox-stored-mobisend-key');
    expect(resolved.config.liquido).toBeUndefined();
  });

  it('stores credentials encrypted, in a file only the user can read', () => {
    const dir = tempDir();
    saveProviderSettings(dir, NodeSecretStore.open(dir), { liquido: { baseUrl: 'https://liquido.example', apiKey: 'sandbox-liquido-api', accessToken: 'sandbox-liquido-token' } });
    const text = readFileSync(join(dir, PROVIDER_SETTINGS_FILE), 'utf8');
    expect(text).not.toContain('sandbox-liquido-api');
    expect(text).not.toContain('sandbox-liquido-token');
    expect(text).toContain('https://liquido.example');
    if (process.platform !== 'win32') expect(statSync(join(dir, PROVIDER_SETTINGS_FILE)).mode & 0o777).toBe(0o600);
  });

  it('insists on every variable once a provider\'s key is in the environment; defaults documented URLs', () => {
    expect(() => resolveProviderConfig({ env: { SALDO_LIQUIDO_API_KEY: 'k' } })).toThrow(ProviderConfigError);
    const resolved = resolveProviderConfig({ env: { SALDO_MOBISEND_API_KEY: 'k' } });
    expect(resolved.config.mobisend?.baseUrl).toBe('https://app.via.one/api/mobisend');
  });

  it('rejects a settings file that is not provider settings', () => {
    const dir = tempDir();
    writeFileSync(join(dir, PROVIDER_SETTINGS_FILE), '{"version":2}');
    expect(() => resolveProviderConfig({ env: {}, dataDir: dir, secretStore: () => NodeSecretStore.open(dir) })).toThrow(ProviderConfigError);
  });

  it('masks secrets to "set" and the last 4 characters', () => {
    expect(maskSecret('sandbox-relier-key-9f3a')).toEqual({ set: true, last4: '9f3a' });
    expect(maskSecret('short')).toEqual({ set: true, last4: '' });
    expect(maskSecret(undefined)).toEqual({ set: false, last4: '' });
    expect(maskProviderCredentials('relier', { apiKey: 'sandbox-relier-key-9f3a', customerId: 'SANDBOX_0001' })).toEqual({
      apiKey: { set: true, last4: '9f3a' },
      customerId: { set: true, last4: '0001' },
      reconcileKey: { set: false, last4: '' },
    });
  });
});
