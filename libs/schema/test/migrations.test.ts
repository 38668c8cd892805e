import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import * as schema from '../src/index';
import { MIGRATIONS_DIR, REPORTING_VIEWS, SOURCE_TABLE_NAMES } from '../src/index';

interface JournalEntry {
  idx: number;
  tag: string;
  when: number;
}

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
  entries: JournalEntry[];
};

const migrationSql = (tag: string): string => readFileSync(path.join(MIGRATIONS_DIR, `${tag}.sql`), 'utf8');

describe('committed migrations', () => {
  it('has one SQL file per journal entry, in order, and no stray files', () => {
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect(files).toEqual(journal.entries.map((e) => `${e.tag}.sql`));
    expect(journal.entries.map((e) => e.idx)).toEqual(journal.entries.map((_, i) => i));
    const whens = journal.entries.map((e) => e.when);
    expect([...whens].sort((a, b) => a - b)).toEqual(whens);
  });

  it('matches the table definitions in src/tables (run `npm run db:generate -w libs/schema` after changing them)', async () => {
    const last = journal.entries.at(-1);
    expect(last).toBeDefined();
    const snapshotFile = path.join(MIGRATIONS_DIR, 'meta', `${String(last?.idx).padStart(4, '0')}_snapshot.json`);
    const committed = JSON.parse(readFileSync(snapshotFile, 'utf8')) as Parameters<typeof generateMigration>[0];
    const current = generateDrizzleJson({ ...schema }, committed.id);
    const statements = await generateMigration(committed, current);
    expect(statements).toEqual([]);
  });

  it('sets REPLICA IDENTITY FULL on every source table', () => {
    const all = journal.entries.map((e) => migrationSql(e.tag)).join('\n');
    for (const table of SOURCE_TABLE_NAMES) {
      expect(all).toContain(`ALTER TABLE "${table}" REPLICA IDENTITY FULL;`);
    }
  });

  it('creates every reporting view', () => {
    const all = journal.entries.map((e) => migrationSql(e.tag)).join('\n');
    for (const view of REPORTING_VIEWS) {
      expect(all).toContain(`CREATE VIEW "${view}"`);
    }
  });
});
