/** How the back office shows a customer's number unless the owner asks for it whole: only its last four digits. */
export function lastFourOnly(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return digits;
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}
