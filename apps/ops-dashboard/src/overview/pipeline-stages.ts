import type { ComponentName, ComponentStatus } from '@autocorp/platform-client';
import { type Light, lightOf } from '../components/health-badge';
import { formatSeconds, formatTime } from '../components/format';
import { type OverviewFacts, countDifferences, latestRunPerJob } from './overview-data';

export interface Stage {
  readonly name: string;
  readonly light: Light;
  /** The state in words, e.g. "CDC lag 42 s: slot inactive". */
  readonly reason: string;
}

/** CDC lag above this is amber (the seed promises under 5 minutes; the platform aims at seconds). */
export const CDC_LAG_AMBER_SECONDS = 60;

const worst = (...lights: Light[]): Light =>
  lights.includes('red') ? 'red' : lights.includes('amber') ? 'amber' : lights.includes('green') ? 'green' : 'grey';

function component(facts: OverviewFacts, name: ComponentName): ComponentStatus | undefined {
  return facts.status.components.find((c) => c.name === name);
}

function componentLight(c: ComponentStatus | undefined): Light {
  return c ? lightOf(c.health) : 'grey';
}

function since(c: ComponentStatus | undefined): string {
  return c && c.health !== 'ok' ? ` since ${formatTime(c.since)}` : '';
}

const counting = (facts: OverviewFacts) =>
  facts.countsError ? `row counts unavailable: ${facts.countsError}` : 'counting rows…';

function sourceStage(facts: OverviewFacts): Stage {
  const c = component(facts, 'source');
  if (facts.cdc && !facts.cdc.source.reachable)
    return {
      name: 'Source',
      light: 'red',
      reason: `PostgreSQL unreachable: ${facts.cdc.source.reason ?? 'no reason given'}`,
    };
  const tables = facts.counts?.filter((t) => t.source !== null).length;
  return {
    name: 'Source',
    light: componentLight(c),
    reason: c?.reason
      ? `${c.reason}${since(c)}`
      : `PostgreSQL reachable${tables === undefined ? '' : `, ${tables} tables counted`}`,
  };
}

function cdcStage(facts: OverviewFacts): Stage {
  const c = component(facts, 'cdc');
  if (facts.cdc === null) {
    const lagText = `CDC lag ${formatSeconds(facts.status.cdc?.lagSeconds ?? null)}`;
    return { name: 'CDC', light: componentLight(c), reason: `${lagText}: ${c?.reason ?? 'checking the slot…'}` };
  }
  const slot = facts.cdc.slotStatus;
  const errored = facts.cdc.tables.filter((t) => t.state === 'errored');
  const lag = slot?.lagSeconds ?? facts.status.cdc?.lagSeconds ?? null;
  const lagText = `CDC lag ${formatSeconds(lag)}`;
  if (errored.length > 0)
    return {
      name: 'CDC',
      light: 'red',
      reason: `${lagText}: ${errored.map((t) => `${t.table} errored (${t.reason ?? 'no reason'})`).join('; ')}`,
    };
  const problems: string[] = [];
  let light = componentLight(c);
  const flag = (at: Light, words: string) => {
    light = worst(light, at);
    problems.push(words);
  };
  if (slot && !slot.exists) flag('red', `slot ${facts.cdc.slot} missing`);
  else if (slot && slot.invalidated) flag('red', `slot ${facts.cdc.slot} invalidated`);
  else if (slot && !slot.active && facts.status.mode === 'live') flag('amber', `slot inactive${since(c)}`);
  if (lag !== null && lag > CDC_LAG_AMBER_SECONDS) flag('amber', `lag above ${CDC_LAG_AMBER_SECONDS} s`);
  if (c?.reason) problems.push(c.reason);
  const ready = facts.cdc.tables.filter((t) => t.state === 'ready').length;
  return {
    name: 'CDC',
    light,
    reason: problems.length > 0 ? `${lagText}: ${problems.join('; ')}` : `${lagText}, ${ready} tables streaming`,
  };
}

function rawStage(facts: OverviewFacts): Stage {
  const c = component(facts, 'csv-watch');
  if (facts.counts === null) return { name: 'Raw zone', light: 'grey', reason: counting(facts) };
  const behind = facts.counts.filter((t) => t.source !== null && t.raw !== null && t.source !== t.raw);
  const missing = facts.counts.filter((t) => t.raw === null && t.source !== null);
  const light = worst(
    componentLight(c) === 'grey' ? 'green' : componentLight(c),
    behind.length || missing.length ? 'amber' : 'green',
  );
  const words: string[] = [];
  if (missing.length) words.push(`not landed: ${missing.map((t) => t.table).join(', ')}`);
  if (behind.length) words.push(`raw differs from source: ${behind.map((t) => t.table).join(', ')}`);
  if (c?.reason) words.push(`CSV watch: ${c.reason}`);
  const lastCommit = facts.cdc?.lastCommitTime ? `, last change ${formatTime(facts.cdc.lastCommitTime)}` : '';
  return {
    name: 'Raw zone',
    light,
    reason: words.length ? words.join('; ') : `${facts.counts.length} tables landed${lastCommit}`,
  };
}

function etlStage(facts: OverviewFacts): Stage {
  const c = component(facts, 'etl');
  if (facts.runs === null)
    return { name: 'ETL', light: componentLight(c), reason: c?.reason ?? 'reading the run records…' };
  const latest = latestRunPerJob(facts.runs);
  const failed = latest.filter((r) => r.status === 'failed' || r.status === 'blocked');
  const warned = latest.filter((r) => r.rules.some((rule) => !rule.passed));
  let light: Light = componentLight(c) === 'grey' ? 'green' : componentLight(c);
  const words: string[] = [];
  if (failed.length) {
    light = 'red';
    words.push(failed.map((r) => `${r.job} ${r.status}`).join(', '));
  }
  if (warned.length) {
    light = worst(light, 'amber');
    words.push(`rules failed in ${warned.map((r) => r.job).join(', ')}`);
  }
  if (c?.reason) words.push(c.reason);
  const last = facts.status.etl?.lastRun;
  const lastText = last
    ? `last run ${formatTime(last.at)} (${last.trigger}, ${formatSeconds(last.seconds)})`
    : `${latest.length} jobs`;
  return { name: 'ETL', light, reason: words.length ? words.join('; ') : `${lastText}, all rules passed` };
}

function curatedStage(facts: OverviewFacts): Stage {
  if (facts.counts === null) return { name: 'Curated', light: 'grey', reason: counting(facts) };
  const short = facts.counts.filter((t) => countDifferences(t).some((d) => d.missing && d.text.startsWith('curated')));
  const curated = facts.counts.filter((t) => t.curated !== null).length;
  return short.length
    ? {
        name: 'Curated',
        light: 'amber',
        reason: `rows missing from curated: ${short.map((t) => `${t.table} (curated ${t.curated} vs raw ${t.raw})`).join('; ')}`,
      }
    : { name: 'Curated', light: 'green', reason: `${curated} tables, none behind the raw zone` };
}

function catalogStage(facts: OverviewFacts): Stage {
  const c = component(facts, 'catalog');
  return {
    name: 'Catalog',
    light: componentLight(c) === 'grey' && facts.status.mode === 'static' ? 'grey' : componentLight(c),
    reason: c?.reason ?? (c?.health === 'ok' ? 'crawled, schemas current' : `catalog ${c?.health ?? 'unknown'}`),
  };
}

/** The pipeline as its stages, each with a traffic light and its reason in words. */
export function pipelineStages(facts: OverviewFacts): Stage[] {
  return [
    sourceStage(facts),
    cdcStage(facts),
    rawStage(facts),
    etlStage(facts),
    curatedStage(facts),
    catalogStage(facts),
  ];
}
