/**
 * The business day, case by case, with every instant and boundary worked out by hand from the zones' rules:
 * Mexico City is UTC−6 all year since its last change back on 2022-10-30; Tijuana follows the US clocks
 * (2026: forward at 02:00 PST on 8 March, back at 02:00 PDT on 1 November); Manila is UTC+8.
 */
import { describe, expect, it } from 'vitest';
import { businessDayOf, DEFAULT_BUSINESS_DAY_RULE, isValidTimeZone, shiftIdOf } from '../../shared/business-day';

const MEXICO_CITY = 'America/Mexico_City';
const TIJUANA = 'America/Tijuana';

const cases = [
  // Midnight boundaries in Mexico City (UTC−6).
  { what: 'one second before midnight', at: '2026-03-15T05:59:59Z', zone: MEXICO_CITY, hour: 0, date: '2026-03-14', start: '2026-03-14T06:00:00Z', end: '2026-03-15T06:00:00Z' },
  { what: 'midnight itself', at: '2026-03-15T06:00:00Z', zone: MEXICO_CITY, hour: 0, date: '2026-03-15', start: '2026-03-15T06:00:00Z', end: '2026-03-16T06:00:00Z' },
  { what: 'evening, already the next day in UTC', at: '2026-03-15T03:00:00Z', zone: MEXICO_CITY, hour: 0, date: '2026-03-14', start: '2026-03-14T06:00:00Z', end: '2026-03-15T06:00:00Z' },
  // Mexico City no longer changes clocks: the old first Sunday of April is a day of 24 hours.
  { what: 'the old DST Sunday, now 24 h', at: '2026-04-05T12:00:00Z', zone: MEXICO_CITY, hour: 0, date: '2026-04-05', start: '2026-04-05T06:00:00Z', end: '2026-04-06T06:00:00Z' },
  // Its last change: back from CDT (UTC−5) to CST at 02:00 on 2022-10-30, a day of 25 hours.
  { what: 'the last change back, 25 h', at: '2022-10-30T12:00:00Z', zone: MEXICO_CITY, hour: 0, date: '2022-10-30', start: '2022-10-30T05:00:00Z', end: '2022-10-31T06:00:00Z' },
  // A day that starts at 05:00: a sale at 03:00 belongs to the day before.
  { what: '03:00 with a 05:00 start', at: '2026-03-15T09:00:00Z', zone: MEXICO_CITY, hour: 5, date: '2026-03-14', start: '2026-03-14T11:00:00Z', end: '2026-03-15T11:00:00Z' },
  { what: '05:00 with a 05:00 start', at: '2026-03-15T11:00:00Z', zone: MEXICO_CITY, hour: 5, date: '2026-03-15', start: '2026-03-15T11:00:00Z', end: '2026-03-16T11:00:00Z' },
  { what: '23:30 with a 05:00 start', at: '2026-03-16T05:30:00Z', zone: MEXICO_CITY, hour: 5, date: '2026-03-15', start: '2026-03-15T11:00:00Z', end: '2026-03-16T11:00:00Z' },
  // Tijuana, clocks forward: 8 March has 23 hours.
  { what: 'Tijuana, spring forward day', at: '2026-03-08T12:00:00Z', zone: TIJUANA, hour: 0, date: '2026-03-08', start: '2026-03-08T08:00:00Z', end: '2026-03-09T07:00:00Z' },
  { what: 'Tijuana, 01:59 PST just before the jump', at: '2026-03-08T09:59:00Z', zone: TIJUANA, hour: 0, date: '2026-03-08', start: '2026-03-08T08:00:00Z', end: '2026-03-09T07:00:00Z' },
  // A 02:00 start on that day: 02:00 never shows, the day starts when the clocks jump (03:00 PDT).
  { what: 'Tijuana, 02:00 start skipped by the jump', at: '2026-03-08T10:30:00Z', zone: TIJUANA, hour: 2, date: '2026-03-08', start: '2026-03-08T10:00:00Z', end: '2026-03-09T09:00:00Z' },
  { what: 'Tijuana, 01:30 PST with a 02:00 start', at: '2026-03-08T09:30:00Z', zone: TIJUANA, hour: 2, date: '2026-03-07', start: '2026-03-07T10:00:00Z', end: '2026-03-08T10:00:00Z' },
  // Tijuana, clocks back: 1 November has 25 hours; 01:00–02:00 is shown twice.
  { what: 'Tijuana, fall back day, second 01:30', at: '2026-11-01T09:30:00Z', zone: TIJUANA, hour: 0, date: '2026-11-01', start: '2026-11-01T07:00:00Z', end: '2026-11-02T08:00:00Z' },
  { what: 'Tijuana, 01:00 start shown twice: the first', at: '2026-11-01T09:15:00Z', zone: TIJUANA, hour: 1, date: '2026-11-01', start: '2026-11-01T08:00:00Z', end: '2026-11-02T09:00:00Z' },
  // East of UTC.
  { what: 'Manila midnight', at: '2026-03-14T16:00:00Z', zone: 'Asia/Manila', hour: 0, date: '2026-03-15', start: '2026-03-14T16:00:00Z', end: '2026-03-15T16:00:00Z' },
];

describe('businessDayOf', () => {
  it.each(cases)('$what ($zone, day starts at $hour:00)', ({ at, zone, hour, date, start, end }) => {
    const day = businessDayOf(Date.parse(at), { timeZone: zone, dayStartHour: hour });
    expect({ date: day.date, start: new Date(day.startMs).toISOString(), end: new Date(day.endMs).toISOString() }).toEqual({
      date,
      start: start.replace('Z', '.000Z'),
      end: end.replace('Z', '.000Z'),
    });
  });

  it('defaults to Mexico City with the day starting at midnight', () => {
    expect(DEFAULT_BUSINESS_DAY_RULE).toEqual({ timeZone: MEXICO_CITY, dayStartHour: 0 });
    expect(businessDayOf(Date.parse('2026-03-15T05:59:59Z')).date).toBe('2026-03-14');
  });

  it('refuses a start hour outside 0–23', () => {
    expect(() => businessDayOf(0, { timeZone: MEXICO_CITY, dayStartHour: 24 })).toThrow(RangeError);
    expect(() => businessDayOf(0, { timeZone: MEXICO_CITY, dayStartHour: 1.5 })).toThrow(RangeError);
  });

  it('knows real time zones only', () => {
    expect(isValidTimeZone(TIJUANA)).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('shiftIdOf', () => {
  it('is one shift per cashier per business day', () => {
    const rule = { timeZone: MEXICO_CITY, dayStartHour: 5 };
    expect(shiftIdOf('u-cashier', Date.parse('2026-03-15T09:00:00Z'), rule)).toBe('shift-2026-03-14-u-cashier');
    expect(shiftIdOf('u-cashier', Date.parse('2026-03-15T11:00:00Z'), rule)).toBe('shift-2026-03-15-u-cashier');
  });
});
