import type { Executor } from '../db/client';
import { notifications } from './schema';

export interface NotificationInput {
  userId: string;
  /** What happened, for icons and filters: `workflow.overdue`, `permit.approved`… */
  kind: string;
  /** i18n key of the title, translated on screen with `params`. */
  titleKey: string;
  params?: Record<string, unknown>;
  /** Path inside the web app to open (`/backoffice/permits/…`). */
  link?: string | null;
}

/** Adds an in-app notification for one person, inside the caller's transaction. */
export async function notify(tx: Executor, input: NotificationInput): Promise<string> {
  const [row] = await tx
    .insert(notifications)
    .values({
      userId: input.userId,
      kind: input.kind,
      titleKey: input.titleKey,
      params: input.params ?? {},
      link: input.link ?? null,
    })
    .returning({ id: notifications.id });
  return row!.id;
}
