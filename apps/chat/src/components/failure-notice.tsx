import { START_COMMAND, platformApiUrl } from '../platform/platform-api';
import type { Failure } from '../chat/turn';

/** Why there is no answer, and what to do: start the platform, fix the provider, or rephrase. */
export function FailureNotice({ failure }: { failure: Failure }) {
  if (failure.kind === 'api-down')
    return (
      <div className="notice notice-down" role="alert" data-testid="api-down">
        <strong>The platform API is not answering</strong> at {platformApiUrl()}. Start the platform with{' '}
        <code>{START_COMMAND}</code>, then ask again.
        <div className="muted small">{failure.message}</div>
      </div>
    );
  return (
    <div className="notice notice-error" role="alert" data-testid={`failure-${failure.kind}`}>
      {failure.message}
    </div>
  );
}
