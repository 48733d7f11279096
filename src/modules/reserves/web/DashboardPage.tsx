import { useMemo } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { api } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/ErrorAlert';
import { formatDate } from '../../../web/dates';
import { currentLang } from '../../../web/i18n';
import { useMe } from '../../../web/session';
import { useListParams } from '../../../web/shell/DataTable';
import { PageHeader } from '../../../web/shell/PageHeader';
import { CATEGORIES } from '../contract';
import { COVER_WINDOW_DAYS, type DashboardViewT } from '../dashboard/contract';
import { BASE, fmt, isNational, nameOf, qs, useLiveUpdates, usePlatforms, visiblePlatforms } from './common';
import { ScrollTable, Section } from './tables';

const CATEGORY_COLORS: Record<string, string> = {
  shelter: 'indigo.6',
  food: 'orange.6',
  water: 'cyan.6',
  hygiene: 'grape.6',
  medical: 'red.6',
  energy: 'yellow.6',
  equipment: 'gray.6',
};
const WINDOWS = [30, 90, 180, 365];

/**
 * Download links for an export of the reserves API (CSV with BOM and Excel): plain links, so the
 * browser downloads with the session cookie, keyboard and screen readers see ordinary links.
 */
export function ExportLinks({
  path,
  params,
  testId,
}: {
  path: string;
  params: Record<string, string | number | undefined>;
  testId?: string;
}) {
  const { t } = useTranslation('reserves');
  const query = qs({ ...params, lang: currentLang() });
  return (
    <Group gap="xs" data-testid={testId}>
      <Button component="a" href={`/api/v1/reserves/${path}.csv${query}`} download variant="default" size="xs">
        {t('dashboard.downloadCsv')}
      </Button>
      <Button component="a" href={`/api/v1/reserves/${path}.xlsx${query}`} download variant="default" size="xs">
        {t('dashboard.downloadXlsx')}
      </Button>
    </Group>
  );
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

/** A section with a bar chart and its data as a table (screen readers and keyboard users read the table). */
function ChartSection({
  id,
  title,
  data,
  series,
  labelHeader,
  stacked,
  children,
}: {
  id: string;
  title: string;
  data: Record<string, string | number>[];
  series: { name: string; label: string; color: string }[];
  labelHeader: string;
  stacked?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {data.length > 0 && (
        <div aria-hidden="true" inert>
          <BarChart
            h={260}
            data={data}
            dataKey="label"
            series={series}
            type={stacked ? 'stacked' : 'default'}
            tickLine="y"
            withLegend={series.length > 1}
            xAxisProps={{
              interval: 0,
              angle: data.length > 6 ? -30 : 0,
              textAnchor: data.length > 6 ? 'end' : 'middle',
              height: data.length > 6 ? 60 : 30,
            }}
          />
        </div>
      )}
      {children ?? (
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing={4} mt="sm">
            <Table.Caption className="sr-only">{title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{labelHeader}</Table.Th>
                {series.map((s) => (
                  <Table.Th scope="col" key={s.name}>
                    {s.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((r) => (
                <Table.Tr key={String(r.label)}>
                  <Table.Th scope="row">{r.label}</Table.Th>
                  {series.map((s) => (
                    <Table.Td key={s.name}>{fmt(Number(r[s.name] ?? 0))}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/**
 * The reserves dashboard of the nation, a region or a platform, computed by the server
 * (`GET /reserves/dashboard`): stock by category, households that can be served, days of cover,
 * in transit, expiring soon, platforms (or warehouses) compared; CSV and Excel downloads. The
 * scope is in the URL (`?scope=` empty for the nation, `MA-xx` a region, `PF-xx` a platform).
 * Refreshed by the live events.
 */
export function DashboardPage() {
  const { t } = useTranslation('reserves');
  useLiveUpdates();
  const { data: me } = useMe();
  const platforms = usePlatforms();
  const visible = useMemo(() => visiblePlatforms(me, platforms.data?.items ?? []), [me, platforms.data]);
  const national = isNational(me);
  const [params, setParams] = useListParams({ scope: '', window: String(COVER_WINDOW_DAYS) });
  const scope = params.scope || (national ? '' : (visible[0]?.code ?? ''));
  const window = WINDOWS.includes(Number(params.window)) ? Number(params.window) : COVER_WINDOW_DAYS;
  const apiParams = {
    scope: !scope ? 'nation' : scope.startsWith('MA-') ? 'region' : 'platform',
    region: scope.startsWith('MA-') ? scope : undefined,
    platform: scope.startsWith('PF-') ? scope : undefined,
    window,
  };
  const dash = useQuery({
    queryKey: ['reserves', 'dashboard', scope, window, currentLang()],
    enabled: !!me && !!platforms.data && (national || !!scope),
    queryFn: () => api<DashboardViewT>('GET', `/reserves/dashboard${qs(apiParams)}`),
    placeholderData: keepPreviousData,
  });
  const d = dash.data;
  const cat = (c: string) => t(`categories.${c}`);
  const days = (n: number | null | undefined) => (n == null ? '—' : t('dashboard.days', { count: n }));
  const options = [
    ...(national ? [{ group: t('dashboard.nationGroup'), items: [{ value: '', label: t('dashboard.nation') }] }] : []),
    { group: t('dashboard.platforms'), items: visible.map((p) => ({ value: p.code, label: nameOf(p) })) },
    {
      group: t('dashboard.regions'),
      items: visible.map((p) => ({
        value: p.regionCode,
        label: t('dashboard.regionOption', { code: p.regionCode, city: p.city }),
      })),
    },
  ].filter((g) => g.items.length > 0);
  const perNation = d?.scope.kind === 'nation';
  const compareTitle = perNation ? t('dashboard.byPlatform') : t('dashboard.byWarehouse');
  const loading = dash.isPending && dash.fetchStatus !== 'idle';

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
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('dashboard.scope')}
          data={options}
          value={scope}
          onChange={(v) => setParams({ scope: v ?? '' })}
          allowDeselect={false}
          w={{ base: '100%', sm: 420 }}
          data-testid="dashboard-scope"
        />
        <Select
          label={t('dashboard.window')}
          data={WINDOWS.map((w) => ({ value: String(w), label: t('dashboard.days', { count: w }) }))}
          value={String(window)}
          onChange={(v) => setParams({ window: v ?? String(COVER_WINDOW_DAYS) })}
          allowDeselect={false}
          w={{ base: '100%', sm: 180 }}
        />
        {d && <ExportLinks path="dashboard" params={apiParams} testId="dashboard-exports" />}
        {dash.isFetching && <Loader size="sm" role="status" aria-label={t('loading')} />}
      </Group>
      <ErrorAlert error={dash.error ?? platforms.error} />
      {loading && (
        <Stack role="status" aria-label={t('loading')}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }}>
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} h={88} />
            ))}
          </SimpleGrid>
          <Skeleton h={300} />
        </Stack>
      )}
      {d && (
        <>
          <Text size="sm" c="dimmed">
            {t('dashboard.asOf', { scope: d.scope.name, at: formatDate(d.asOf, true), count: d.scope.warehouses })}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} aria-live="polite">
            <Figure label={t('dashboard.units')} value={fmt(d.totals.quantity)} testId="fig-units" />
            <Figure
              label={t('dashboard.households')}
              value={fmt(d.totals.households)}
              hint={
                d.totals.limitingCategory
                  ? t('dashboard.limitedBy', { category: cat(d.totals.limitingCategory) })
                  : t('dashboard.householdsHint')
              }
              testId="fig-households"
            />
            <Figure
              label={t('dashboard.coverShortest')}
              value={days(d.totals.coverDays)}
              hint={t('dashboard.coverHint', { days: d.window })}
              testId="fig-cover"
            />
            <Figure
              label={t('dashboard.inTransitUnits')}
              value={fmt(d.totals.inTransit)}
              hint={t('dashboard.inTransitLines', { count: d.totals.inTransitLines, late: d.totals.lateLines })}
              testId="fig-transit"
            />
            <Figure
              label={t('dashboard.expiringUnits', { days: d.horizon })}
              value={fmt(d.totals.expiring)}
              hint={t('dashboard.expiringLots', { count: d.totals.expiringLots, expired: fmt(d.totals.expired) })}
              testId="fig-expiring"
            />
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <ChartSection
              id="chart-category"
              title={t('dashboard.byCategory')}
              labelHeader={t('stock.category')}
              data={d.categories.map((c) => ({ label: cat(c.category), quantity: c.quantity }))}
              series={[{ name: 'quantity', label: t('stock.quantity'), color: 'teal.6' }]}
            />
            <ChartSection
              id="chart-cover"
              title={t('dashboard.coverChart')}
              labelHeader={t('stock.category')}
              data={d.categories.filter((c) => c.coverDays !== null).map((c) => ({ label: cat(c.category), days: c.coverDays! }))}
              series={[{ name: 'days', label: t('dashboard.coverColumn'), color: 'blue.6' }]}
            >
              <Text size="sm" c="dimmed" mt="xs">
                {d.categories.some((c) => c.coverDays !== null)
                  ? t('dashboard.coverRule', { days: d.window })
                  : t('dashboard.noDispatch', { days: d.window })}
              </Text>
            </ChartSection>
          </SimpleGrid>

          <Section id="cover-title" title={t('dashboard.coverByCategory')}>
            <ScrollTable
              label={t('dashboard.coverByCategory')}
              minWidth={640}
              testId="dashboard-categories"
              columns={[
                t('stock.category'),
                t('stock.quantity'),
                t('dashboard.households'),
                t('dashboard.perDay'),
                t('dashboard.coverColumn'),
                t('dashboard.inTransitColumn'),
                t('dashboard.expiringColumn'),
              ]}
            >
              {d.categories.map((c) => (
                <Table.Tr key={c.category}>
                  <Table.Th scope="row">{cat(c.category)}</Table.Th>
                  <Table.Td>{fmt(c.quantity)}</Table.Td>
                  <Table.Td>{c.households == null ? '—' : fmt(c.households)}</Table.Td>
                  <Table.Td>{fmt(c.dispatchedPerDay)}</Table.Td>
                  <Table.Td>{days(c.coverDays)}</Table.Td>
                  <Table.Td>{fmt(c.inTransit)}</Table.Td>
                  <Table.Td>{fmt(c.expiring)}</Table.Td>
                </Table.Tr>
              ))}
            </ScrollTable>
            <Text size="xs" c="dimmed" mt="xs">
              {t('dashboard.householdsRule')}
            </Text>
          </Section>

          <ChartSection
            id="chart-compare"
            title={compareTitle}
            labelHeader={perNation ? t('stock.platform') : t('stock.warehouse')}
            stacked
            data={d.breakdown.map((b) => ({ label: b.code, ...b.byCategory }))}
            series={CATEGORIES.map((c) => ({ name: c, label: cat(c), color: CATEGORY_COLORS[c]! }))}
          >
            <ScrollTable
              label={compareTitle}
              minWidth={560}
              mt="sm"
              testId="dashboard-compare"
              columns={[
                perNation ? t('stock.platform') : t('stock.warehouse'),
                t('stock.quantity'),
                t('dashboard.households'),
                t('dashboard.coverColumn'),
                t('dashboard.inTransitColumn'),
                t('dashboard.expiringColumn'),
              ]}
            >
              {d.breakdown.map((b) => (
                <Table.Tr key={b.code}>
                  <Table.Th scope="row">
                    {perNation ? (
                      <Anchor component="button" type="button" onClick={() => setParams({ scope: b.code })}>
                        {b.name}
                      </Anchor>
                    ) : (
                      <>
                        <span className="reserves-code">{b.code}</span>
                        <Text size="xs" c="dimmed" component="span" display="block">
                          {b.name}
                        </Text>
                      </>
                    )}
                  </Table.Th>
                  <Table.Td>{fmt(b.quantity)}</Table.Td>
                  <Table.Td>{fmt(b.households)}</Table.Td>
                  <Table.Td>{days(b.coverDays)}</Table.Td>
                  <Table.Td>{fmt(b.inTransit)}</Table.Td>
                  <Table.Td>{fmt(b.expiring)}</Table.Td>
                </Table.Tr>
              ))}
            </ScrollTable>
          </ChartSection>

          <SimpleGrid cols={{ base: 1, xl: 2 }}>
            <Section
              id="expiring-title"
              title={t('dashboard.expiringTitle', { days: d.horizon })}
              empty={d.expiring.length === 0 ? t('dashboard.noneExpiring') : null}
            >
              <ScrollTable
                label={t('dashboard.expiringTitle', { days: d.horizon })}
                minWidth={520}
                testId="dashboard-expiring"
                columns={[t('stock.product'), t('stock.lot'), t('stock.warehouse'), t('stock.expiresOn'), t('stock.quantity')]}
              >
                {d.expiring.map((e) => (
                  <Table.Tr key={`${e.warehouse}|${e.product}|${e.lot}`}>
                    <Table.Th scope="row">
                      <span className="reserves-code">{e.product}</span>
                      <Text size="xs" c="dimmed" component="span" display="block">
                        {e.productName}
                      </Text>
                    </Table.Th>
                    <Table.Td>{e.lot}</Table.Td>
                    <Table.Td>{e.warehouse}</Table.Td>
                    <Table.Td>
                      {formatDate(e.expiresOn)}{' '}
                      <Badge size="xs" color={e.daysLeft < 0 ? 'red' : e.daysLeft <= 30 ? 'orange' : 'yellow'} variant="light">
                        {e.daysLeft < 0 ? t('dashboard.expired') : t('dashboard.days', { count: e.daysLeft })}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{`${fmt(e.quantity)} ${t(`units.${e.unit}`, { defaultValue: e.unit })}`}</Table.Td>
                  </Table.Tr>
                ))}
              </ScrollTable>
            </Section>

            <Section
              id="transit-title"
              title={t('dashboard.inTransitTitle')}
              empty={d.inTransit.length === 0 ? t('dashboard.noneInTransit') : null}
            >
              <ScrollTable
                label={t('dashboard.inTransitTitle')}
                minWidth={520}
                testId="dashboard-transit"
                columns={[
                  t('dashboard.reference'),
                  t('dashboard.route'),
                  t('stock.product'),
                  t('stock.quantity'),
                  t('dashboard.expected'),
                ]}
              >
                {d.inTransit.map((x, i) => (
                  <Table.Tr key={`${x.reference}|${x.product}|${i}`}>
                    <Table.Th scope="row">
                      <Text size="xs" c="dimmed" component="span" display="block">
                        {t(`dashboard.kind_${x.kind}`)}
                      </Text>
                      <span className="reserves-code">{x.kind === 'dispatch' ? x.reference : x.reference.slice(0, 8)}</span>
                    </Table.Th>
                    <Table.Td>
                      <bdi>{x.from}</bdi> → <bdi>{x.to}</bdi>
                    </Table.Td>
                    <Table.Td>{x.productName}</Table.Td>
                    <Table.Td>{fmt(x.quantity)}</Table.Td>
                    <Table.Td>
                      {x.expectedAt ? formatDate(x.expectedAt, true) : '—'}{' '}
                      {x.late && (
                        <Badge size="xs" color="red" variant="light">
                          {t('dashboard.late')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </ScrollTable>
            </Section>
          </SimpleGrid>
        </>
      )}
      <Group gap="md">
        <Anchor component={Link} to={`${BASE}/movements`}>
          {t('movements.title')}
        </Anchor>
        <Anchor component={Link} to={`${BASE}/trace`}>
          {t('trace.title')}
        </Anchor>
        <Anchor href="/api/v1/reserves/exports/stock.hxl.csv" download>
          {t('dashboard.hxl')}
        </Anchor>
      </Group>
    </Stack>
  );
}
