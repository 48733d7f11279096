import type { Command } from 'commander';
import type { Config } from './core/config';

/** Further `raqmana` commands (imports, exports) registered by kernel features. */
export function registerCommands(_program: Command, _config: () => Config): void {}
