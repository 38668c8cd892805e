import { PlatformClientError } from '@autocorp/platform-client';

/** The error of a route this profile has no backend for (the API answered 501 `local-only`), else null. */
export function localOnlyError(error: unknown): PlatformClientError | null {
  return error instanceof PlatformClientError && error.localOnly ? error : null;
}

/** The text after "is local-only: " in the API's message: what the page shows instead and what to use on AWS. */
export function localOnlyReason(error: PlatformClientError): string {
  const marker = 'is local-only: ';
  const at = error.message.indexOf(marker);
  return at < 0 ? error.message : error.message.slice(at + marker.length);
}

/**
 * What a page or panel shows where the platform's profile (AWS) has no backend for its data: that it is
 * local-only, and what to use there instead. Never a blank or an error banner.
 */
export function LocalOnlyNotice({ what, error }: { what: string; error: PlatformClientError }) {
  return (
    <div className="notice notice-local-only" role="note" data-testid="local-only">
      <strong>{what[0]?.toUpperCase() + what.slice(1)}: local only.</strong> This platform runs on AWS, where this view
      has no data source: {localOnlyReason(error)}
    </div>
  );
}
