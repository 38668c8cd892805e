import type { Command } from '../cli/command';
import { assistantPublishCommand } from './assistant/assistant-publish';
import { cdcDropCommand } from './cdc/cdc-drop';
import { cdcStartCommand } from './cdc/cdc-start';
import { cdcStatusCommand } from './cdc/cdc-status';
import { dbMigrateCommand } from './db/db-migrate';
import { dbStatusCommand } from './db/db-status';
import { etlQuarantineFileCommand, etlQuarantinedFilesCommand } from './etl/etl-quarantine-file';
import { etlRunCommand } from './etl/etl-run';
import { etlRunsCommand } from './etl/etl-runs';
import { generateCommand } from './generate';
import { crawlCommand } from './query/crawl';
import { historyCommand } from './query/history';
import { queryCommand } from './query/query';
import { tablesCommand } from './query/tables';
import { runCommand } from './run';
import { serveCommand } from './serve';
import { simulateCommand } from './simulate';
import { transferCommand } from './transfer';
import { upCommand } from './up';

/** Every `autocorp` subcommand. */
export const COMMANDS: readonly Command[] = [
  upCommand,
  runCommand,
  generateCommand,
  simulateCommand,
  dbMigrateCommand,
  dbStatusCommand,
  cdcStartCommand,
  cdcStatusCommand,
  cdcDropCommand,
  transferCommand,
  etlRunCommand,
  etlRunsCommand,
  etlQuarantineFileCommand,
  etlQuarantinedFilesCommand,
  crawlCommand,
  tablesCommand,
  queryCommand,
  historyCommand,
  serveCommand,
  assistantPublishCommand,
];
