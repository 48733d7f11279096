import { useState, type FormEvent } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Timeline, Title } from '@mantine/core';
import { api } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/ErrorAlert';
import { formatDate } from '../../../web/dates';
import { currentLang } from '../../../web/i18n';
import { useListParams } from '../../../web/shell/DataTable';
import { PageHeader } from '../../../web/shell/PageHeader';
import { BASE, fmt, nameOf, useProducts } from './common';

interface TraceEvent {
  at: string;
  kind: 'entry' | 'dispatch' | 'delivery' | 'distribution';
  type: string;
  lot: string;
  product: string;
  depth: number;
  via: string | null;
  platform: string | null;
  warehouse: string | null;
  quantity: number;
  reference: string | null;
  dispatch: string | null;
  place: string | null;
  households: number | null;
}
interface TraceLotRef {
  product: string;
  lot: string;
}
interface TraceLot extends TraceLotRef {
  depth: number;
  via: string | null;
  parent: TraceLotRef | null;
}
/** One page of `GET /reserves/trace`: the summary of the whole trace, and a page of its events. */
interface Trace {
  product: string;
  lot: string;
  lots: TraceLot[];
  communes: { code: string; nameFr: string; nameAr: string; quantity: number; households: number }[];
  totals: { received: number; dispatched: number; delivered: number; distributed: number; households: number };
  counts: { kind: TraceEvent['kind']; type: string; events: number; quantity: number }[];
  firstAt: string | null;
  lastAt: string | null;
  total: number;
  limit: number;
  events: TraceEvent[];
  nextCursor: string | null;
}
/** Events asked for per page (the API's default; at most 1,000). */
const TRACE_PAGE = 200;

interface Origin {
  dispatch: string;
  lines: {
    line: number;
    product: string;
    lot: string | null;
    quantity: number;
    warehouse: string;
    platform: string;
    sources: {
      depth: number;
      product: string;
      lot: string | null;
      type: string;
      warehouse: string;
      platform: string;
      quantity: number;
      reference: string | null;
      at: string;
    }[];
  }[];
}

const sameLot = (a: TraceLotRef, b: TraceLotRef) => a.product === b.product && a.lot === b.lot;
const traceHref = (l: TraceLotRef) => `${BASE}/trace?product=${encodeURIComponent(l.product)}&lot=${encodeURIComponent(l.lot)}`;

/** The kit lots a lot went into, as nested lists (each kit lot under the lot it was assembled from). */
function KitTree({ lots, parent }: { lots: TraceLot[]; parent: TraceLotRef }) {
  const { t } = useTranslation('reserves');
  const children = lots.filter((l) => l.parent && sameLot(l.parent, parent));
  if (!children.length) return null;
  return (
    <ul className="reserves-trace-tree">
      {children.map((l) => (
        <li key={`${l.product}|${l.lot}`}>
          <Anchor component={Link} to={traceHref(l)}>
            {l.product} · {l.lot}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            {t('trace.depth', { level: l.depth })}
          </Text>
          <KitTree lots={lots} parent={l} />
        </li>
      ))}
    </ul>
  );
}

function LotTrace({ product, lot }: { product: string; lot: string }) {
  const { t } = useTranslation('reserves');
  const trace = useInfiniteQuery({
    queryKey: ['reserves', 'trace', product, lot],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<Trace>(
        'GET',
        `/reserves/trace?product=${encodeURIComponent(product)}&lot=${encodeURIComponent(lot)}&limit=${TRACE_PAGE}` +
          (pageParam ? `&after=${encodeURIComponent(pageParam)}` : ''),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  // The summary is the same on every page: the first one's is shown.
  const d = trace.data?.pages[0];
  const events = trace.data?.pages.flatMap((p) => p.events) ?? [];
  const kindLabel = (kind: TraceEvent['kind'], type: string) =>
    kind === 'entry'
      ? t(`types.${type}`, { defaultValue: type })
      : kind === 'dispatch'
        ? `${t('trace.kinds.dispatch')} (${t(`status.${type}`, { defaultValue: type })})`
        : t(`trace.kinds.${kind}`);
  const what = (e: TraceEvent) => {
    const where = e.place ?? (e.warehouse ? `${e.warehouse}` : (e.platform ?? ''));
    return `${kindLabel(e.kind, e.type)} · ${where}`;
  };
  return (
    <Stack>
      <ErrorAlert error={trace.error} />
      {trace.isLoading && <Text role="status">{t('loading')}</Text>}
      {d && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 5 }} data-testid="trace-totals">
            {(['received', 'dispatched', 'delivered', 'distributed', 'households'] as const).map((k) => (
              <Paper withBorder p="xs" key={k}>
                <Text size="xs" c="dimmed">
                  {t(`trace.totals.${k}`)}
                </Text>
                <Text fw={700}>{fmt(d.totals[k])}</Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Paper withBorder p="md" component="section" aria-labelledby="trace-summary">
            <Title order={2} size="h4" id="trace-summary" mb="xs">
              {t('trace.summary')}
            </Title>
            <Text size="sm" data-testid="trace-period">
              {d.firstAt && d.lastAt
                ? t('trace.period', {
                    count: d.total,
                    total: fmt(d.total),
                    first: formatDate(d.firstAt, true),
                    last: formatDate(d.lastAt, true),
                  })
                : t('trace.noEvent')}
            </Text>
            {d.counts.length > 0 && (
              <Table verticalSpacing={4} mt="xs" data-testid="trace-counts">
                <Table.Caption className="sr-only">{t('trace.counts')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('trace.eventType')}</Table.Th>
                    <Table.Th scope="col">{t('trace.events')}</Table.Th>
                    <Table.Th scope="col">{t('stock.quantity')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.counts.map((c) => (
                    <Table.Tr key={`${c.kind}|${c.type}`}>
                      <Table.Th scope="row">{kindLabel(c.kind, c.type)}</Table.Th>
                      <Table.Td>{fmt(c.events)}</Table.Td>
                      <Table.Td>{fmt(c.quantity)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {d.lots.length > 1 && (
              <nav aria-labelledby="trace-kits" data-testid="trace-kits">
                <Text size="sm" fw={700} mt="sm" id="trace-kits">
                  {t('trace.kitTree')}
                </Text>
                <KitTree lots={d.lots} parent={{ product: d.product, lot: d.lot }} />
              </nav>
            )}
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="trace-communes">
            <Title order={2} size="h4" id="trace-communes" mb="xs">
              {t('trace.communes')}
            </Title>
            {d.communes.length === 0 ? (
              <Text size="sm">{t('trace.noCommune')}</Text>
            ) : (
              <Table verticalSpacing={4} data-testid="trace-communes-table">
                <Table.Caption className="sr-only">{t('trace.communes')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('requests.commune')}</Table.Th>
                    <Table.Th scope="col">{t('stock.quantity')}</Table.Th>
                    <Table.Th scope="col">{t('requests.households')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.communes.map((c) => (
                    <Table.Tr key={c.code}>
                      <Table.Th scope="row">
                        {currentLang() === 'ar' ? c.nameAr : c.nameFr} ({c.code})
                      </Table.Th>
                      <Table.Td>{fmt(c.quantity)}</Table.Td>
                      <Table.Td>{fmt(c.households)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="trace-timeline">
            <Title order={2} size="h4" id="trace-timeline" mb="sm">
              {t('trace.timeline', { count: d.total, total: fmt(d.total) })}
            </Title>
            <Timeline bulletSize={14} lineWidth={2} data-testid="trace-timeline" component="ol" style={{ paddingInlineStart: 0 }}>
              {events.map((e, i) => (
                <Timeline.Item key={i} title={what(e)} component="li">
                  <Text size="sm">
                    {formatDate(e.at, true)} — {e.quantity > 0 ? '+' : ''}
                    {fmt(e.quantity)} {e.product !== d.product || e.lot !== d.lot ? `(${e.product} · ${e.lot})` : ''}
                    {e.households != null ? ` · ${t('trace.householdsServed', { count: e.households })}` : ''}
                  </Text>
                  {(e.reference || e.dispatch) && (
                    <Text size="xs" c="dimmed">
                      {e.dispatch ?? e.reference}
                    </Text>
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
            <Group mt="sm" gap="sm" wrap="wrap">
              <Text size="sm" role="status" data-testid="trace-shown">
                {t('trace.shown', { shown: fmt(events.length), total: fmt(d.total) })}
              </Text>
              {trace.hasNextPage && (
                <Button
                  variant="default"
                  onClick={() => void trace.fetchNextPage()}
                  loading={trace.isFetchingNextPage}
                  data-testid="trace-more"
                >
                  {t('trace.more', { n: fmt(Math.min(d.limit, d.total - events.length)) })}
                </Button>
              )}
            </Group>
          </Paper>
        </>
      )}
    </Stack>
  );
}

function DeliveryOrigin({ id }: { id: string }) {
  const { t } = useTranslation('reserves');
  const origin = useQuery({
    queryKey: ['reserves', 'origin', id],
    queryFn: () => api<Origin>('GET', `/reserves/deliveries/${encodeURIComponent(id)}/origin`),
  });
  return (
    <Stack>
      <ErrorAlert error={origin.error} />
      {origin.data && (
        <Paper withBorder p="md" component="section" aria-labelledby="origin-title">
          <Title order={2} size="h4" id="origin-title" mb="sm">
            {t('trace.originOf', { number: origin.data.dispatch })}
          </Title>
          {origin.data.lines.map((l) => (
            <Stack key={l.line} gap={2} mb="sm">
              <Text fw={700}>
                {l.line}. {l.product}
                {l.lot ? ` · ${l.lot}` : ''} — {fmt(l.quantity)} ({l.platform} · {l.warehouse})
              </Text>
              <ul>
                {l.sources.map((s, i) => (
                  <li key={i}>
                    <Text size="sm">
                      {formatDate(s.at)} · {t(`types.${s.type}`, { defaultValue: s.type })} · {s.product}
                      {s.lot ? ` · ${s.lot}` : ''} · {s.warehouse} · {fmt(s.quantity)}
                      {s.reference ? ` · ${s.reference}` : ''}
                    </Text>
                  </li>
                ))}
              </ul>
            </Stack>
          ))}
        </Paper>
      )}
    </Stack>
  );
}

/** Traceability: a lot or serial → receptions, movements, dispatches, deliveries and communes; a delivery → where every item came from. */
export function TracePage() {
  const { t } = useTranslation('reserves');
  const products = useProducts();
  const [params, setParams] = useListParams({ product: '', lot: '', delivery: '' });
  const [product, setProduct] = useState(params.product);
  const [lot, setLot] = useState(params.lot);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams({ product, lot: lot.trim(), delivery: '' });
  };
  return (
    <Stack>
      <PageHeader title={t('trace.title')} crumbs={[{ label: t('dashboard.title'), to: BASE }, { label: t('trace.title') }]} />
      <form onSubmit={submit} role="search" aria-label={t('trace.title')}>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('stock.product')}
            data={(products.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.code} — ${nameOf(p)}` }))}
            value={product || null}
            onChange={(v) => setProduct(v ?? '')}
            searchable
            limit={60}
            required
            miw={260}
            data-testid="trace-product"
          />
          <TextInput
            label={t('trace.lotOrSerial')}
            value={lot}
            onChange={(e) => setLot(e.currentTarget.value)}
            maxLength={64}
            required
            data-testid="trace-lot"
          />
          <Button type="submit" disabled={!product || !lot.trim()} data-testid="trace-submit">
            {t('trace.submit')}
          </Button>
        </Group>
      </form>
      {params.product && params.lot && <LotTrace product={params.product} lot={params.lot} />}
      {params.delivery && <DeliveryOrigin id={params.delivery} />}
    </Stack>
  );
}
