/** Which PINs a shop may give: the weak ones an owner would be told to avoid, and the ones that are fine. */
import { describe, expect, it } from 'vitest';
import { isWeakPin, pinProblem } from '../../electron/core/auth/pin-rules';

describe('weak PINs', () => {
  it.each(['0000', '1111', '9999', '000000', '777777', '1234', '12345', '123456', '2345', '3456789'.slice(0, 6), '0123', '4321', '9876', '987654', '6543', '54321'])(
    '%s is weak',
    (pin) => expect(isWeakPin(pin)).toBe(true),
  );
  it.each(['908172', '2580', '1357', '112233', '1243', '8520', '4826', '190283', '1122'])('%s is fine', (pin) => expect(isWeakPin(pin)).toBe(false));

  it('refuses a weak PIN only in live mode, with a code and a reason', () => {
    expect(pinProblem('1111', false)).toBeNull();
    expect(pinProblem('1111', true)).toMatchObject({ code: 'weak_pin', message: expect.stringMatching(/easy to guess/) });
    expect(pinProblem('908172', true)).toBeNull();
  });

  it('refuses what is not 4 to 6 digits in any mode', () => {
    for (const pin of ['123', '1234567', '12a4', '', ' 1234']) expect(pinProblem(pin, false)).toMatchObject({ code: 'invalid_input' });
  });
});
