export { createAuthModule, DEMO_USERS, type AuthModule, type AuthModuleOptions, type AuthHandlers } from './module';
export { hashPin, pinMatches } from './pins';
export { LOCK_MS, MAX_FAILURES, OWNER_TRIES_WHILE_LOCKED } from './lockout';
