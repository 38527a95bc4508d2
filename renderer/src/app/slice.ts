/**
 * How a feature writes its part of the one store: its own state and actions (`Own`) plus the few fields and
 * actions of other features it reads or calls (`Needs`). A slice names what it needs from each feature's
 * types file instead of importing the whole store's type, so no slice imports the composition that
 * imports it (the store stays free of import cycles).
 */
import type { StateCreator } from 'zustand';

export type Slice<Own, Needs = unknown> = StateCreator<Own & Needs, [], [], Own>;
