// Amounts are integers in the currency's smallest unit, as the engine sends them; decimals appear
// only here, when a person reads them. Stars (XTR) have no fractional unit.

/** Digits after the point, learned from a price the engine rendered ("1.45" → 2). */
export function exponentOf(decimalText) {
  const point = String(decimalText).indexOf('.');
  return point < 0 ? 0 : String(decimalText).length - point - 1;
}

export function formatMoney(amount, currency, exponent) {
  if (currency === 'XTR') return `${amount} ⭐`;
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  const whole = exponent ? digits.slice(0, -exponent) : digits;
  const text = exponent ? `${whole}.${digits.slice(-exponent)}` : whole;
  return `${amount < 0 ? '-' : ''}${text} ${currency}`;
}
