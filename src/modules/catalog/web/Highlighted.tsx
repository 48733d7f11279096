import { Fragment, type ReactNode } from 'react';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]!);

/**
 * A highlighted text from the search API (escaped HTML whose only markup is <mark>) rendered as
 * React text and <mark> elements: nothing from the data is ever injected as HTML, so a tag the
 * server let through by mistake would show as text, not run.
 */
export function Highlighted({ html }: { html: string }): ReactNode {
  const parts = html.split(/<mark>(.*?)<\/mark>/gs);
  return parts.map((p, i) =>
    i % 2 === 1 ? <mark key={i}>{unescape(p)}</mark> : p ? <Fragment key={i}>{unescape(p)}</Fragment> : null,
  );
}
