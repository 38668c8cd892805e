import { AssistantError } from '../assistant-error';

/** Reads a tool's input (anything a model sent) as an object, or says what the tool expects. */
export function inputObject(tool: string, input: unknown): Record<string, unknown> {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input))
    throw new AssistantError(
      'invalid-tool-input',
      `The ${tool} tool takes a JSON object; got ${JSON.stringify(input)}.`,
    );
  return input as Record<string, unknown>;
}

export function requiredString(tool: string, input: Record<string, unknown>, key: string): string {
  const value = input[key];
  if (typeof value !== 'string' || value.trim() === '')
    throw new AssistantError('invalid-tool-input', `The ${tool} tool needs "${key}" as a non-empty string.`);
  return value;
}

export function optionalString(tool: string, input: Record<string, unknown>, key: string): string | undefined {
  return input[key] === undefined ? undefined : requiredString(tool, input, key);
}

export function optionalInteger(
  tool: string,
  input: Record<string, unknown>,
  key: string,
  range: { min: number; max: number },
): number | undefined {
  const value = input[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max)
    throw new AssistantError(
      'invalid-tool-input',
      `The ${tool} tool needs "${key}" as a whole number from ${range.min} to ${range.max}; got ${JSON.stringify(value)}.`,
    );
  return value;
}
