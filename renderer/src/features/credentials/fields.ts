/** Which credentials each provider takes, in the order the form asks for them (the contract's input shapes). */
import type { ProviderId } from '../../../../shared/contract/app';

export interface CredentialField {
  name: string;
  /** A secret: typed into a password field, never shown again. */
  secret: boolean;
  optional?: boolean;
}

export const CREDENTIAL_FIELDS: Record<ProviderId, readonly CredentialField[]> = {
  relier: [
    { name: 'apiKey', secret: true },
    { name: 'customerId', secret: true },
    { name: 'reconcileKey', secret: true, optional: true },
  ],
  mobisend: [{ name: 'apiKey', secret: true }],
  liquido: [
    { name: 'apiKey', secret: true },
    { name: 'accessToken', secret: true },
  ],
};
