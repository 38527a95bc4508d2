/**
 * A clock that only moves forward, whatever happens to the wall clock: idle expiry and the keypad lock are
 * measured on it, so setting the PC's date back or forward neither extends nor lifts them.
 */
import { performance } from 'node:perf_hooks';
import type { Clock } from '../kernel/clock';

export const monotonicClock: Clock = { now: () => performance.now() };
