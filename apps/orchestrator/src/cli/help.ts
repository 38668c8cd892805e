import type { Command } from './command';

const BIN = 'autocorp';

export function commandHelp(command: Command): string {
  const usage = [
    BIN,
    ...command.path,
    ...(command.positionals ?? []),
    Object.keys(command.options).length ? '[options]' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const lines = [`Usage: ${usage}`, '', command.summary];
  if (command.description) lines.push('', command.description);
  const options = Object.entries(command.options);
  lines.push('', 'Options:');
  const rows = options.map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` ${spec.valueName ?? '<value>'}` : ''}`;
    const def = spec.default !== undefined ? ` (default: ${String(spec.default)})` : '';
    return [flag, `${spec.description}${def}`] as const;
  });
  rows.push(['-h, --help', 'Show this help']);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  for (const [flag, text] of rows) lines.push(`  ${flag.padEnd(width)}  ${text}`);
  return lines.join('\n') + '\n';
}

export function groupHelp(prefix: readonly string[], commands: readonly Command[]): string {
  const below = commands.filter((c) => prefix.every((word, i) => c.path[i] === word));
  const title = prefix.length ? `${BIN} ${prefix.join(' ')}` : BIN;
  const width = Math.max(...below.map((c) => c.path.join(' ').length));
  const lines = [
    `Usage: ${title} <command> [options]`,
    '',
    prefix.length
      ? `Commands under "${title}":`
      : 'AutoCorp Lakehouse: PostgreSQL and CSV exports to a Hudi lakehouse.\n\nCommands:',
    ...below.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    `Run "${BIN} <command> --help" for a command's options.`,
    'Environment: AUTOCORP_HOME (state folder, default ./.autocorp), DATABASE_URL (use this PostgreSQL instead of the embedded one), LAKE_URI (file:///... or s3://bucket/prefix), AUTOCORP_PROFILE (local|aws).',
  ];
  return lines.join('\n') + '\n';
}
