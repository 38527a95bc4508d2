/** Which of the core's refusals are about a PIN, so the form says them next to the PIN field. */
import type { FormProblem } from '../settings/form';

const PIN_CODES = new Set(['weak_pin', 'pin_taken', 'pin_mismatch']);

export function isPinProblem(problem: FormProblem | null): boolean {
  return problem !== null && PIN_CODES.has(problem.code);
}
