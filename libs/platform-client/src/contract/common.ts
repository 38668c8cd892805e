import { z } from 'zod';

/** `format=csv` downloads the rows as RFC 4180 CSV instead of JSON. */
export const FormatSchema = z.enum(['json', 'csv']).default('json');

/** Offset pagination: `offset` rows skipped, at most `limit` returned. */
export function pageQuery(defaultLimit: number, maxLimit: number) {
  return {
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
  };
}

/** A Hudi instant `yyyyMMddHHmmssSSS` or an ISO time: what time travel reads as of. */
export const InstantOrTimeSchema = z.string().regex(/^(\d{17}|\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)$/, {
  message: 'expected a Hudi instant (yyyyMMddHHmmssSSS) or an ISO time (2026-01-31T12:00:00Z)',
});

export const InstantSchema = z.string().regex(/^\d{17}$/, { message: 'expected a Hudi instant (yyyyMMddHHmmssSSS)' });

/** A name as the lake and catalog spell it. */
export const NameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,127}$/, { message: 'expected a name of letters, digits and _' });

/** A result cell, the same from every query executor. */
export const CellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const ResultRowSchema = z.record(z.string(), CellSchema);
export const ResultColumnSchema = z.object({ name: z.string(), type: z.string() });

/** No parameters: any given one is a 400 naming it. */
export const EmptyObject = z.strictObject({});
