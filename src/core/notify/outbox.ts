import type { Config } from '../config';
import type { Database, Executor } from '../db/client';
import type { Logger } from '../logger';
import { outbox } from './schema';

/** What a subscriber receives besides the event's payload. */
export interface DeliveryContext {
  db: Database;
  config: Config;
  log: Logger;
  /** The outbox row's id: subscribers use it to make their work idempotent (an event may be delivered again after a crash). */
  eventId: string;
  topic: string;
}

export type Subscriber = (payload: Record<string, unknown>, ctx: DeliveryContext) => Promise<void>;

const subscribers = new Map<string, Subscriber[]>();

/**
 * Registers `handler` for the events of `topic` (at import time, in code). Delivery is at least
 * once: every subscriber of an event runs, and if one throws, the event is retried later, so
 * handlers must be idempotent. Returns a function that removes the subscription (tests).
 */
export function subscribe(topic: string, handler: Subscriber): () => void {
  const list = subscribers.get(topic) ?? [];
  list.push(handler);
  subscribers.set(topic, list);
  return () => {
    const l = subscribers.get(topic);
    if (!l) return;
    const i = l.indexOf(handler);
    if (i >= 0) l.splice(i, 1);
  };
}

export function subscribersOf(topic: string): readonly Subscriber[] {
  return subscribers.get(topic) ?? [];
}

/**
 * Writes an event to the outbox inside the caller's transaction: it is delivered to the topic's
 * subscribers after commit by the background worker, and never if the transaction rolls back.
 */
export async function emit(tx: Executor, topic: string, payload: Record<string, unknown>): Promise<string> {
  const [row] = await emitInsert(tx, topic, payload).returning({ id: outbox.id });
  return row!.id;
}

/** The INSERT of `emit`, not yet run: a hot path embeds its SQL (`.getSQL()`) in a statement of its own. */
export function emitInsert(tx: Executor, topic: string, payload: Record<string, unknown>) {
  return tx.insert(outbox).values({ topic, payload });
}
