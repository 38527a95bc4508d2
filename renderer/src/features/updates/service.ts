/** The contract channels the update notices use: what the update policy decides now, and the owner's yes. */
import { call } from '../../bridge/client';

export const updatesService = {
  status: () => call('updates.status', {}),
  /** The owner's yes for the next idle moment (never with sales still queued: that stays a tech's decision). */
  confirm: () => call('updates.confirm', { allowNonEmptyQueue: false }),
};
