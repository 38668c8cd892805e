const NUMERIC_TYPE = /INT|DECIMAL|NUMERIC|DOUBLE|FLOAT|REAL/i;

/** Groups the integer part of a plain decimal ("12345.60" -> "12,345.60"), keeping every digit as given. */
function grouped(decimal: string): string {
  const [whole = '', fraction] = decimal.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * A result cell as the chat shows it: values of numeric columns grouped by thousands with every digit
 * kept (decimals arrive as exact strings), null as an em dash, anything else as it is (ids stay ungrouped).
 */
export function formatCell(value: unknown, columnType: string): string {
  if (value === null || value === undefined) return '—';
  const text = String(value);
  if (NUMERIC_TYPE.test(columnType) && /^-?\d+(\.\d+)?$/.test(text)) return grouped(text);
  return text;
}
