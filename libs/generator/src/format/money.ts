const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/** Integer cents as a decimal with two places ("1234.50", "-3.05"); no locale, no floats. */
export function formatCents(cents: number): string {
  if (cents < 0) return `-${formatCents(-cents)}`;
  const whole = Math.floor(cents / 100);
  return `${whole}.${TWO_DIGITS[cents - whole * 100] as string}`;
}

/** Sales tax rate in basis points: 8.25 %. */
export const TAX_RATE_BASIS_POINTS = 825;

/** Tax on a subtotal, rounded half up to the cent, in integer arithmetic. */
export function taxCents(subtotalCents: number): number {
  return Math.floor((subtotalCents * TAX_RATE_BASIS_POINTS + 5_000) / 10_000);
}
