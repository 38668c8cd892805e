import type { Health } from '@autocorp/platform-client';

/** The traffic-light colour of a health: green, amber or red (grey when stopped). */
export type Light = 'green' | 'amber' | 'red' | 'grey';

export function lightOf(health: Health): Light {
  switch (health) {
    case 'ok':
      return 'green';
    case 'degraded':
      return 'amber';
    case 'down':
      return 'red';
    default:
      return 'grey';
  }
}

const WORDS: Record<Light, string> = { green: 'healthy', amber: 'degraded', red: 'down', grey: 'stopped' };

/** A coloured dot with its meaning in words (colour is never the only signal). */
export function LightBadge({ light, label }: { light: Light; label?: string }) {
  return (
    <span className={`badge badge-${light}`} data-light={light}>
      <span className="dot" aria-hidden="true" />
      {label ?? WORDS[light]}
    </span>
  );
}
