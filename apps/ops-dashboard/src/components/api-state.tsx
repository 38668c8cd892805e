'use client';
import type { ReactNode } from 'react';
import { START_COMMAND, platformApiUrl } from '../platform/platform-api';
import type { ApiResult } from '../platform/use-api';
import { LocalOnlyNotice, localOnlyError } from './local-only-notice';

/** What to do when the platform API does not answer. */
export function ApiDownNotice({ detail }: { detail?: string | null }) {
  return (
    <div className="notice notice-down" role="alert" data-testid="api-down">
      <strong>The platform API is not answering</strong> at {platformApiUrl()}. Start the platform with{' '}
      <code>{START_COMMAND}</code> (or <code>autocorp serve</code> to browse a stopped lake); this page reconnects by
      itself.
      {detail ? <div className="muted small">{detail}</div> : null}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status" aria-live="polite" data-testid="loading">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="muted empty" data-testid="empty">
      {children}
    </p>
  );
}

/** Renders loading, API-down and error states of a load, and `children(data)` once it is ready. */
export function ApiView<T>({
  result,
  what,
  children,
}: {
  result: ApiResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (result.state === 'loading') return <Loading what={what} />;
  if (result.state === 'error') {
    const localOnly = localOnlyError(result.error);
    if (localOnly) return <LocalOnlyNotice what={what} error={localOnly} />;
    if (result.down) return <ApiDownNotice detail={result.error.message} />;
    return (
      <div className="notice notice-error" role="alert">
        Could not load {what}: {result.error.message}
      </div>
    );
  }
  return <>{children(result.data)}</>;
}
