import { type ObjectStore, csvTransferFindingsKey } from '@autocorp/lake-storage';
import { TransferError } from './transfer-error';
import { REPORTED_LINES, type TransferWarning } from './transfer-report';
import type { InvalidUtf8 } from './utf8-scanner';

/**
 * What the transfer found in one landed raw file, at `csvTransferFindingsKey(key)` (@autocorp/lake-storage): the lines that
 * are not valid UTF-8 (physical line, 1 = header, and the byte offset of the first invalid byte on
 * it; the first 1,000, and how many there are). The file itself is landed as written.
 */
export interface TransferFindings {
  readonly version: 1;
  /** The raw key of the file. */
  readonly key: string;
  readonly sourceFile: string;
  readonly runId: string;
  readonly sha256: string;
  readonly invalidUtf8: { readonly totalLines: number; readonly lines: readonly InvalidUtf8[] };
}

/** Writes the findings of a landed file and returns the warning for its report record. */
export async function recordInvalidUtf8(store: ObjectStore, findings: TransferFindings): Promise<TransferWarning> {
  const findingsKey = csvTransferFindingsKey(findings.key);
  await store.put(findingsKey, `${JSON.stringify(findings, null, 2)}\n`, { contentType: 'application/json' });
  const { totalLines, lines } = findings.invalidUtf8;
  const shown = lines
    .slice(0, 5)
    .map((l) => `line ${l.line} (byte ${l.byteOffset})`)
    .join(', ');
  return {
    kind: 'invalid-utf8',
    message: `${findings.sourceFile}: ${totalLines} line(s) are not valid UTF-8, first ${shown}${totalLines > 5 ? ', ...' : ''}. The file was landed as written; the ETL quarantines those lines. Export the file as UTF-8 to keep them.`,
    totalLines,
    lines: lines.slice(0, REPORTED_LINES),
    findingsKey,
  };
}

/** The findings of a raw file, or undefined when the transfer found nothing to say about it. */
export async function readTransferFindings(store: ObjectStore, rawKey: string): Promise<TransferFindings | undefined> {
  const key = csvTransferFindingsKey(rawKey);
  if ((await store.head(key)) === undefined) return undefined;
  try {
    const findings = JSON.parse((await store.getBytes(key)).toString('utf8')) as TransferFindings;
    if (findings.version !== 1 || findings.key !== rawKey) throw new Error('unknown layout');
    return findings;
  } catch (error) {
    throw new TransferError(
      'invalid-manifest',
      `The transfer findings ${store.uri}${key} are not readable (${(error as Error).message}). Transfer the file again to rewrite them.`,
      {
        cause: error,
      },
    );
  }
}
