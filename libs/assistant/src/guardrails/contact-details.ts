/**
 * Customer contact details never leave the assistant: the columns that hold them are dropped from
 * any result, and values that look like one (an email address, a phone number, a street address)
 * are masked wherever they appear, whatever the column is called.
 */
export const CONTACT_COLUMNS: ReadonlySet<string> = new Set(['email', 'phone', 'address']);

export const REDACTED = '[redacted]';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const PHONE = /(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g;
const STREET =
  /\b\d{1,6}\s+(?:[A-Z][a-z]+\s+){1,3}(?:St|Street|Rd|Road|Ave|Avenue|Dr|Drive|Ct|Court|Ln|Lane|Blvd|Boulevard|Way|Pl|Place|Pkwy|Cir|Ter|Hwy)\b\.?(?:,\s*(?:Apt|Suite|Unit)\s*\w+)?/g;

/** The text with every email address, phone number and street address masked. */
export function maskContactDetails(text: string): string {
  return text.replace(EMAIL, REDACTED).replace(PHONE, REDACTED).replace(STREET, REDACTED);
}

/** Whether the text holds something that looks like a contact detail. */
export function hasContactDetails(text: string): boolean {
  return maskContactDetails(text) !== text;
}

/** Whether a result column carries contact details by name (`email`, `customer_phone`, `address`). */
export function isContactColumn(name: string): boolean {
  const lower = name.toLowerCase();
  return [...CONTACT_COLUMNS].some((c) => lower === c || lower.endsWith(`_${c}`) || lower.startsWith(`${c}_`));
}
