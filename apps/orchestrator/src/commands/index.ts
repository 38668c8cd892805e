import type { Command } from '../cli/command';
import { dbMigrateCommand } from './db/db-migrate';
import { dbStatusCommand } from './db/db-status';
import { generateCommand } from './generate';
import { runCommand } from './run';
import { transferCommand } from './transfer';

/** Every `autocorp` subcommand. */
export const COMMANDS: readonly Command[] = [runCommand, generateCommand, dbMigrateCommand, dbStatusCommand, transferCommand];
