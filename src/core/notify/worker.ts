import type { Config } from '../config';
import type { Database } from '../db/client';
import type { Logger } from '../logger';

export interface Workers {
  stop(): Promise<void>;
}

/** Starts the background workers (outbox delivery, e-mail, deadlines). */
export async function startWorkers(_opts: { db: Database; config: Config; log: Logger }): Promise<Workers> {
  return { stop: async () => undefined };
}
