import { type FSWatcher, watch } from 'node:fs';

/**
 * Calls `onChange` whenever a file in `folder` (top level) is created, changed, renamed or removed.
 * Hidden files are ignored. Returns a function that stops watching.
 */
export function watchFolder(
  folder: string,
  onChange: (file: string) => void,
  onError: (error: Error) => void,
): () => void {
  let watcher: FSWatcher | undefined = watch(folder, { persistent: false }, (_event, file) => {
    const name = file?.toString() ?? '';
    if (name.startsWith('.')) return;
    onChange(name);
  });
  watcher.on('error', onError);
  return () => {
    watcher?.close();
    watcher = undefined;
  };
}
