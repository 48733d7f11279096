import { useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Group, List, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { api } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/ErrorAlert';
import { formatDate } from '../../../web/dates';
import { useMe } from '../../../web/session';
import { useListParams } from '../../../web/shell/DataTable';
import { PageHeader } from '../../../web/shell/PageHeader';
import { CATEGORIES, type MovementViewT, type StockItemT } from '../contract';
import type { DispatchViewT } from '../crises/shapes';
import { BASE, fmt, nameOf, qs, useLiveUpdates, usePlatforms, useProducts, visiblePlatforms, type Page } from './common';

const STOCK_PAGES = 20;
const EXPIRY_DAYS = 90;
const COVER_WINDOW_DAYS = 90;

/** Every page of a list (500 rows each, at most `max` pages): `truncated` says whether rows were left out. */
async function all<T>(path: (page: number) => string, max: number): Promise<{ items: T[]; total: number; truncated: boolean }> {
  const first = await api<Page<T>>('GET', path(1));
  const items = [...first.items];
  const pageSize = first.items.length || 1;
  const pages = Math.min(max, Math.ceil(first.total / pageSize));
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => api<Page<T>>('GET', path(i + 2))));
  for (const r of rest) items.push(...r.items);
  return { items, total: first.total, truncated: items.length < first.total };
}

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** A bar chart with its data as a table beside it (screen readers and keyboard users read the table). */
function ChartWithTable({
  id,
  title,
  rows,
  labelHeader,
  valueHeader,
}: {
  id: string;
  title: string;
  rows: { label: string; value: number }[];
  labelHeader: string;
  valueHeader: string;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <div aria-hidden="true" inert>
        <BarChart
          h={260}
          data={rows}
          dataKey="label"
          series={[{ name: 'value', label: valueHeader, color: 'teal.6' }]}
          tickLine="y"
        />
      </div>
      <Table.ScrollContainer minWidth={0}>
        <Table verticalSpacing={4} mt="sm">
          <Table.Caption className="sr-only">{title}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{labelHeader}</Table.Th>
              <Table.Th scope="col">{valueHeader}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.label}>
                <Table.Th scope="row">{r.label}</Table.Th>
                <Table.Td>{fmt(r.value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/**
 * The reserves dashboard for the nation, a region or a platform (one platform per region): stock by
 * category, households that can be served, days of cover, in transit, expiring soon, alerts;
 * bar charts by category and by platform with their tables. Refreshed by the live events.
 */
export function DashboardPage() {
  const { t } = useTranslation('reserves');
  useLiveUpdates();
  const { data: me } = useMe();
  const platforms = usePlatforms();
  const products = useProducts();
  const visible = useMemo(() => visiblePlatforms(me, platforms.data?.items ?? []), [me, platforms.data]);
  const national = visible.length === (platforms.data?.items.length ?? -1) && visible.length > 1;
  const [params, setParams] = useListParams({ scope: '' });
  const scope = params.scope || (national ? '' : (visible[0]?.code ?? ''));

  const stock = useQuery({
    queryKey: ['reserves', 'dashboard', 'stock', scope],
    enabled: !!platforms.data && (national || !!scope),
    queryFn: () => all<StockItemT>((p) => `/reserves/stock${qs({ platform: scope, page: p, pageSize: 500 })}`, STOCK_PAGES),
  });
  const since = useMemo(() => new Date(Date.now() - COVER_WINDOW_DAYS * 86_400_000).toISOString(), []);
  const outgoing = useQuery({
    queryKey: ['reserves', 'dashboard', 'dispatched', scope, since],
    enabled: !!platforms.data && (national || !!scope),
    queryFn: () =>
      all<MovementViewT>((p) => `/reserves/movements${qs({ type: 'dispatch', from: since, page: p, pageSize: 200 })}`, 10),
  });
  const transit = useQuery({
    queryKey: ['reserves', 'dashboard', 'transit'],
    queryFn: () => api<Page<DispatchViewT>>('GET', '/reserves/dispatches?status=in_transit&pageSize=200'),
  });

  const figures = useMemo(() => {
    const productMap = new Map((products.data?.items ?? []).map((p) => [p.code, p]));
    const byCategory = new Map<string, number>(CATEGORIES.map((c) => [c, 0]));
    const byPlatform = new Map<string, number>();
    const households = new Map<string, number>();
    const expiring: StockItemT[] = [];
    const soon = new Date(Date.now() + EXPIRY_DAYS * 86_400_000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    for (const s of stock.data?.items ?? []) {
      byCategory.set(s.category, (byCategory.get(s.category) ?? 0) + s.quantity);
      byPlatform.set(s.platform, (byPlatform.get(s.platform) ?? 0) + s.quantity);
      const ration = productMap.get(s.product)?.householdRation;
      if (ration && ration > 0) households.set(s.category, (households.get(s.category) ?? 0) + s.quantity / ration);
      if (s.expiresOn && s.expiresOn <= soon && s.quantity > 0) expiring.push(s);
    }
    const out = new Map<string, number>();
    for (const m of outgoing.data?.items ?? []) {
      if (scope && m.platform !== scope) continue;
      for (const e of m.entries) {
        const cat = productMap.get(e.product)?.category;
        if (cat && e.delta < 0) out.set(cat, (out.get(cat) ?? 0) - e.delta);
      }
    }
    const cover = CATEGORIES.map((c) => {
      const perDay = (out.get(c) ?? 0) / COVER_WINDOW_DAYS;
      return { category: c, days: perDay > 0 ? Math.floor((byCategory.get(c) ?? 0) / perDay) : null };
    });
    // Households served by the scarcest of the categories given a ration (food, water, shelter…).
    const rationed = [...households.values()];
    const servable = rationed.length ? Math.floor(Math.min(...rationed)) : 0;
    const inTransit = (transit.data?.items ?? []).filter((d) => !scope || d.platform === scope);
    const late = inTransit.filter((d) => d.expectedAt < new Date().toISOString());
    expiring.sort((a, b) => (a.expiresOn! < b.expiresOn! ? -1 : 1));
    return {
      total: [...byCategory.values()].reduce((a, b) => a + b, 0),
      byCategory,
      byPlatform,
      households,
      servable,
      cover,
      inTransit,
      late,
      expiring,
      expired: expiring.filter((s) => s.expiresOn! < today),
    };
  }, [stock.data, outgoing.data, transit.data, products.data, scope]);

  const label = (c: string) => t(`categories.${c}`);
  const platformLabel = (code: string) => {
    const p = platforms.data?.items.find((x) => x.code === code);
    return p ? nameOf(p) : code;
  };
  const coverFood = figures.cover.find((c) => c.category === 'food')?.days;
  const options = [
    ...(national ? [{ value: '', label: t('dashboard.nation') }] : []),
    ...visible.map((p) => ({ value: p.code, label: nameOf(p) })),
  ];

  return (
    <Stack>
      <PageHeader title={t('dashboard.title')} crumbs={[{ label: t('dashboard.title') }]}>
        <Anchor component={Link} to={`${BASE}/stock`}>
          {t('stock.title')}
        </Anchor>
        <Anchor component={Link} to={`${BASE}/crises`}>
          {t('crises.title')}
        </Anchor>
      </PageHeader>
      <Select
        label={t('dashboard.scope')}
        data={options}
        value={scope}
        onChange={(v) => setParams({ scope: v ?? '' })}
        allowDeselect={false}
        maw={420}
        data-testid="dashboard-scope"
      />
      <ErrorAlert error={stock.error ?? platforms.error ?? outgoing.error ?? transit.error} />
      {stock.isLoading && (
        <Text role="status" c="dimmed">
          {t('loading')}
        </Text>
      )}
      {stock.data?.truncated && (
        <Alert color="yellow">{t('dashboard.truncated', { shown: stock.data.items.length, total: stock.data.total })}</Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} aria-live="polite">
        <Figure label={t('dashboard.units')} value={fmt(figures.total)} testId="fig-units" />
        <Figure
          label={t('dashboard.households')}
          value={fmt(figures.servable)}
          hint={t('dashboard.householdsHint')}
          testId="fig-households"
        />
        <Figure
          label={t('dashboard.cover')}
          value={coverFood == null ? '—' : t('dashboard.days', { count: coverFood })}
          hint={t('dashboard.coverHint', { days: COVER_WINDOW_DAYS })}
        />
        <Figure label={t('dashboard.inTransit')} value={fmt(figures.inTransit.length)} hint={t('dashboard.inTransitHint')} />
        <Figure
          label={t('dashboard.expiring')}
          value={fmt(figures.expiring.length)}
          hint={t('dashboard.expiringHint', { days: EXPIRY_DAYS })}
        />
      </SimpleGrid>

      <Paper withBorder p="md" component="section" aria-labelledby="reserves-alerts">
        <Title order={2} size="h4" id="reserves-alerts" mb="xs">
          {t('dashboard.alerts')}
        </Title>
        {figures.late.length + figures.expired.length + figures.expiring.length === 0 ? (
          <Text size="sm">{t('dashboard.noAlerts')}</Text>
        ) : (
          <List size="sm" spacing={4} data-testid="alerts">
            {figures.late.slice(0, 10).map((d) => (
              <List.Item key={d.number}>
                {t('dashboard.alertLate', { number: d.number, at: formatDate(d.expectedAt, true) })}
              </List.Item>
            ))}
            {figures.expired.slice(0, 10).map((s) => (
              <List.Item key={`x-${s.warehouse}-${s.bin}-${s.product}-${s.lot}`}>
                {t('dashboard.alertExpired', {
                  product: s.productName,
                  lot: s.lot ?? '',
                  warehouse: s.warehouse,
                  quantity: fmt(s.quantity),
                })}
              </List.Item>
            ))}
            {figures.expiring
              .filter((s) => !figures.expired.includes(s))
              .slice(0, 10)
              .map((s) => (
                <List.Item key={`e-${s.warehouse}-${s.bin}-${s.product}-${s.lot}`}>
                  {t('dashboard.alertExpiring', {
                    product: s.productName,
                    lot: s.lot ?? '',
                    warehouse: s.warehouse,
                    date: formatDate(s.expiresOn!),
                    quantity: fmt(s.quantity),
                  })}
                </List.Item>
              ))}
          </List>
        )}
      </Paper>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartWithTable
          id="chart-category"
          title={t('dashboard.byCategory')}
          labelHeader={t('stock.category')}
          valueHeader={t('stock.quantity')}
          rows={CATEGORIES.map((c) => ({ label: label(c), value: figures.byCategory.get(c) ?? 0 }))}
        />
        {!scope ? (
          <ChartWithTable
            id="chart-platform"
            title={t('dashboard.byPlatform')}
            labelHeader={t('stock.platform')}
            valueHeader={t('stock.quantity')}
            rows={[...figures.byPlatform.entries()].sort().map(([code, value]) => ({ label: platformLabel(code), value }))}
          />
        ) : (
          <Paper withBorder p="md" component="section" aria-labelledby="cover-title">
            <Title order={2} size="h4" id="cover-title" mb="sm">
              {t('dashboard.coverByCategory')}
            </Title>
            <Table verticalSpacing={4}>
              <Table.Caption className="sr-only">{t('dashboard.coverByCategory')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('stock.category')}</Table.Th>
                  <Table.Th scope="col">{t('dashboard.households')}</Table.Th>
                  <Table.Th scope="col">{t('dashboard.cover')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {figures.cover.map((c) => (
                  <Table.Tr key={c.category}>
                    <Table.Th scope="row">{label(c.category)}</Table.Th>
                    <Table.Td>
                      {figures.households.has(c.category) ? fmt(Math.floor(figures.households.get(c.category)!)) : '—'}
                    </Table.Td>
                    <Table.Td>{c.days == null ? '—' : t('dashboard.days', { count: c.days })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </SimpleGrid>
      <Group gap="md">
        <Anchor component={Link} to={`${BASE}/movements`}>
          {t('movements.title')}
        </Anchor>
        <Anchor component={Link} to={`${BASE}/trace`}>
          {t('trace.title')}
        </Anchor>
      </Group>
    </Stack>
  );
}
