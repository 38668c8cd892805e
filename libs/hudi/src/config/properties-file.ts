/**
 * java.util.Properties text format, as Hudi reads and writes hoodie.properties:
 * `key=value` lines, `#`/`!` comments, backslash escapes (`\:`, `\=`, `\uXXXX`, line continuations).
 */
export function parseProperties(text: string): Map<string, string> {
  const props = new Map<string, string>();
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] ?? '').replace(/^[ \t\f]+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (endsWithContinuation(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + (lines[++i] ?? '').replace(/^[ \t\f]+/, '');
    }
    const { key, rest } = splitKey(line);
    props.set(unescape(key), unescape(rest));
  }
  return props;
}

function endsWithContinuation(line: string): boolean {
  let slashes = 0;
  for (let i = line.length - 1; i >= 0 && line[i] === '\\'; i--) slashes++;
  return slashes % 2 === 1;
}

function splitKey(line: string): { key: string; rest: string } {
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '=' || c === ':' || c === ' ' || c === '\t' || c === '\f') break;
    i++;
  }
  const key = line.slice(0, i);
  let j = i;
  while (j < line.length && /[ \t\f]/.test(line[j] ?? '')) j++;
  if (j < line.length && (line[j] === '=' || line[j] === ':')) j++;
  while (j < line.length && /[ \t\f]/.test(line[j] ?? '')) j++;
  return { key, rest: line.slice(j) };
}

function unescape(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = text[++i];
    if (n === undefined) break;
    if (n === 't') out += '\t';
    else if (n === 'n') out += '\n';
    else if (n === 'r') out += '\r';
    else if (n === 'f') out += '\f';
    else if (n === 'u') {
      out += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
      i += 4;
    } else out += n;
  }
  return out;
}

function escape(text: string, isKey: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const code = c.charCodeAt(0);
    if (c === ' ' && (i === 0 || isKey)) out += '\\ ';
    else if (c === '\\') out += '\\\\';
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\f') out += '\\f';
    else if (c === '=' || c === ':' || c === '#' || c === '!') out += `\\${c}`;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += c;
  }
  return out;
}

/** Serialises in the given order with the two comment lines java.util.Properties.store writes. */
export function serializeProperties(props: Map<string, string>, comment: string, now = new Date()): string {
  const lines = [`#${comment}`, `#${now.toUTCString()}`];
  for (const [key, value] of props) lines.push(`${escape(key, true)}=${escape(value, false)}`);
  return `${lines.join('\n')}\n`;
}
