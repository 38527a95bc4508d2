export { createAuthModule, hashPin, pinMatches, DEMO_USERS, MAX_FAILURES, LOCK_MS, type AuthModule, type AuthModuleOptions, type AuthHandlers } from './module';
