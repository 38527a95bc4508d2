/** The store's shape: one slice per concern, combined in ./index.ts. */
import type { StateCreator } from 'zustand';
import type { SessionSlice } from './session';
import type { StatusSlice } from './status';
import type { SellSlice } from './sell';
import type { TodaySlice } from './today';
import type { ReceiptSlice } from './receipt';
import type { UiSlice } from './ui';

export type Store = SessionSlice & StatusSlice & SellSlice & TodaySlice & ReceiptSlice & UiSlice;
export type Slice<T> = StateCreator<Store, [], [], T>;
