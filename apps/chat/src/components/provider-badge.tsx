import type { ChatInfo } from '../platform/chat-types';

const PROVIDER_NAMES: Readonly<Record<ChatInfo['provider'], string>> = {
  local: 'Local (no model)',
  bedrock: 'Amazon Bedrock',
  'openai-compatible': 'Model server',
};

/** Which provider answers, its model, and whether it is ready. */
export function ProviderBadge({ info }: { info: ChatInfo }) {
  return (
    <p className="provider" data-testid="provider" data-provider={info.provider} data-ready={info.ready}>
      <span className={`dot ${info.ready ? 'dot-ok' : 'dot-bad'}`} aria-hidden="true" />
      Provider: <strong>{PROVIDER_NAMES[info.provider]}</strong>
      {info.model ? <span className="muted"> · {info.model}</span> : null}
      {info.ready ? null : <span className="visually-hidden"> (not ready)</span>}
    </p>
  );
}

export function providerName(info: ChatInfo | null): string {
  return info ? PROVIDER_NAMES[info.provider] : 'assistant';
}
