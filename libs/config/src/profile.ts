import { ConfigError } from './config-error';

export const PROFILES = ['local', 'aws'] as const;
export type Profile = (typeof PROFILES)[number];

/** Reads AUTOCORP_PROFILE (default `local`). */
export function resolveProfile(env: NodeJS.ProcessEnv = process.env): Profile {
  const value = env.AUTOCORP_PROFILE?.trim() || 'local';
  if ((PROFILES as readonly string[]).includes(value)) return value as Profile;
  throw new ConfigError(
    'invalid-profile',
    `AUTOCORP_PROFILE is "${value}", which is not a profile. Set it to one of: ${PROFILES.join(', ')} (or unset it for local).`,
  );
}
