import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Timeline, Title } from '@mantine/core';
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
interface Trace {
  product: string;
  lot: string;
  lots: { product: string; lot: string; depth: number; via: string | null }[];
  events: TraceEvent[];
  communes: { code: string; nameFr: string; nameAr: string; quantity: number; households: number }[];
  totals: { received: number; dispatched: number; delivered: number; distributed: number; households: number };
}
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

function LotTrace({ product, lot }: { product: string; lot: string }) {
  const { t } = useTranslation('reserves');
  const trace = useQuery({
    queryKey: ['reserves', 'trace', product, lot],
    queryFn: () => api<Trace>('GET', `/reserves/trace?product=${encodeURIComponent(product)}&lot=${encodeURIComponent(lot)}`),
  });
  const d = trace.data;
  const what = (e: TraceEvent) => {
    const kind = e.kind === 'entry' ? t(`types.${e.type}`, { defaultValue: e.type }) : t(`trace.kinds.${e.kind}`);
    const where = e.place ?? (e.warehouse ? `${e.warehouse}` : (e.platform ?? ''));
    return `${kind} · ${where}`;
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
          {d.lots.length > 1 && (
            <Text size="sm">
              {t('trace.kits', {
                lots: d.lots
                  .filter((l) => l.depth > 0)
                  .map((l) => `${l.product} · ${l.lot}`)
                  .join(', '),
              })}
            </Text>
          )}
          <Paper withBorder p="md" component="section" aria-labelledby="trace-timeline">
            <Title order={2} size="h4" id="trace-timeline" mb="sm">
              {t('trace.timeline', { count: d.events.length })}
            </Title>
            <Timeline bulletSize={14} lineWidth={2} data-testid="trace-timeline" component="ol" style={{ paddingInlineStart: 0 }}>
              {d.events.map((e, i) => (
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
