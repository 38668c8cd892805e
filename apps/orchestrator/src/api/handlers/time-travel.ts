import { ApiError } from '../api-error';

export interface TimeTravel {
  readonly asOf?: string | undefined;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
}

/** The time travel options of a request (asOf, or since with until), refusing the combinations the executor cannot answer (400 naming the field). */
export function timeTravel(part: 'query' | 'body', options: TimeTravel): TimeTravel {
  if (options.until !== undefined && options.since === undefined)
    throw new ApiError(
      'bad-request',
      `${part}.until needs ${part}.since (an incremental read is a range).`,
      `${part}.until`,
    );
  if (options.since !== undefined && options.asOf !== undefined)
    throw new ApiError('bad-request', `${part}.asOf and ${part}.since cannot be combined: use one.`, `${part}.since`);
  const { asOf, since, until } = options;
  return {
    ...(asOf !== undefined ? { asOf } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
  };
}
