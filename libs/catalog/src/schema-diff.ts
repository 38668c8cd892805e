import type { Column, SchemaChange, TableInput } from './model';

function sameColumns(a: readonly Column[], b: readonly Column[]): boolean {
  return a.length === b.length && a.every((col, i) => col.name === b[i]?.name && col.type === b[i]?.type);
}

/** Added, removed and retyped columns from `before` to `after` (partition keys compared separately). */
export function diffSchemas(before: TableInput, after: TableInput): SchemaChange {
  const oldByName = new Map(before.columns.map((c) => [c.name, c]));
  const newByName = new Map(after.columns.map((c) => [c.name, c]));
  const added = after.columns.filter((c) => !oldByName.has(c.name));
  const removed = before.columns.filter((c) => !newByName.has(c.name));
  const retyped = after.columns.flatMap((c) => {
    const old = oldByName.get(c.name);
    return old !== undefined && old.type !== c.type ? [{ name: c.name, from: old.type, to: c.type }] : [];
  });
  return { added, removed, retyped, partitionKeysChanged: !sameColumns(before.partitionKeys, after.partitionKeys) };
}

/** True when the change touches the schema (columns or partition keys). */
export function isSchemaChange(change: SchemaChange): boolean {
  return (
    change.added.length > 0 || change.removed.length > 0 || change.retyped.length > 0 || change.partitionKeysChanged
  );
}

function sameProperties(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keysA = Object.keys(a).sort();
  const keysB = Object.keys(b).sort();
  return keysA.length === keysB.length && keysA.every((k, i) => k === keysB[i] && a[k] === b[k]);
}

/** True when registering `next` over `current` would change nothing that the catalog stores. */
export function sameDefinition(current: TableInput, next: TableInput): boolean {
  return (
    current.location === next.location &&
    current.format === next.format &&
    (current.description ?? '') === (next.description ?? '') &&
    sameColumns(current.columns, next.columns) &&
    sameColumns(current.partitionKeys, next.partitionKeys) &&
    sameProperties(current.properties, next.properties)
  );
}

/** Human-readable summary: "added a (int); removed b; retyped c int -> bigint". */
export function describeChange(change: SchemaChange): string {
  const parts: string[] = [];
  if (change.added.length) parts.push(`added ${change.added.map((c) => `${c.name} (${c.type})`).join(', ')}`);
  if (change.removed.length) parts.push(`removed ${change.removed.map((c) => c.name).join(', ')}`);
  if (change.retyped.length)
    parts.push(`retyped ${change.retyped.map((c) => `${c.name} ${c.from} -> ${c.to}`).join(', ')}`);
  if (change.partitionKeysChanged) parts.push('changed partition keys');
  return parts.length ? parts.join('; ') : 'no schema change';
}
