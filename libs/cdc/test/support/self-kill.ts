/**
 * Preloaded (`--import`) into a CDC child process by tests: the process kills itself with SIGKILL at an exact
 * point of its progress, chosen by CDC_TEST_SELF_KILL=<point>:<n>:
 *   file             before its n-th file upload (a batch partly written)
 *   before-position  before its n-th position.json write that follows files (files durable, position not stored)
 *   after-position   right after that write (position stored, not yet acknowledged)
 * The store works as usual otherwise: this only decides when the real kill -9 lands.
 */
import { LocalObjectStore } from '@autocorp/lake-storage';

const spec = process.env.CDC_TEST_SELF_KILL;
if (spec) {
  const [point, countText] = spec.split(':');
  const target = Number(countText);
  if (!['file', 'before-position', 'after-position'].includes(point ?? '') || !Number.isInteger(target) || target < 1) {
    throw new Error(`CDC_TEST_SELF_KILL is "${spec}"; use file:<n>, before-position:<n> or after-position:<n>.`);
  }
  let count = 0;
  let sawFile = false;
  const killIfDue = (at: string): void => {
    if (at !== point || ++count !== target) return;
    process.stdout.write(`${JSON.stringify({ event: 'self-kill', point, n: target })}\n`);
    process.kill(process.pid, 'SIGKILL');
  };
  const { put, putFile } = LocalObjectStore.prototype;
  LocalObjectStore.prototype.putFile = async function (
    this: LocalObjectStore,
    ...args: Parameters<LocalObjectStore['putFile']>
  ) {
    killIfDue('file');
    const info = await putFile.apply(this, args);
    sawFile = true;
    return info;
  };
  LocalObjectStore.prototype.put = async function (
    this: LocalObjectStore,
    ...args: Parameters<LocalObjectStore['put']>
  ) {
    const afterFiles = sawFile && args[0].endsWith('/position.json');
    if (afterFiles) killIfDue('before-position');
    const info = await put.apply(this, args);
    if (afterFiles) {
      sawFile = false;
      killIfDue('after-position');
    }
    return info;
  };
}
