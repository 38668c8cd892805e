/**
 * Where the manifest of a documents prefix is kept: beside the prefix, not under it (`knowledge-documents/` ->
 * `knowledge-documents.manifest.json`), so the knowledge base's data source (which ingests everything under the
 * prefix) never reads it as a document. The CDK AI stack imports this module (`@autocorp/assistant/publish-location`)
 * to let the publisher write it; it imports nothing.
 */
export function manifestKey(prefix: string): string {
  return `${prefix.replace(/\/+$/, '')}.manifest.json`;
}
