import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { BarChart } from '@mantine/charts';
import './reserves.css';
import { api } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/ErrorAlert';
import { formatDate } from '../../../web/dates';
import { useMe } from '../../../web/session';
import { useListParams } from '../../../web/shell/DataTable';
import { PageHeader } from '../../../web/shell/PageHeader';
import { ALERT_KINDS, SEVERITIES, type AlertKind, type AlertListT, type AlertViewT } from '../alerts/contract';
import { BASE, fmt, nameOf, qs, useLiveUpdates, usePlatforms, visiblePlatforms } from './common';

const SEVERITY_COLOR: Record<string, string> = { critical: 'red.8', high: 'orange.7', medium: 'yellow.6', low: 'gray.6' };
const BADGE_COLOR: Record<string, string> = { critical: 'red', high: 'orange', medium: 'yellow', low: 'gray' };

/** What an alert is about, in one line. */
function Subject({ a }: { a: AlertViewT }) {
  const { t } = useTranslation('reserves');
  if (a.kind === 'maintenance_overdue' && a.serial)
    return (
      <>
        <Link to={`${BASE}/equipment/${encodeURIComponent(a.serial)}`} className="reserves-code">
          {a.serial}
        </Link>
        <Text size="xs" c="dimmed" display="block" component="span">
          {a.productName}
        </Text>
      </>
    );
  if (a.kind === 'transit_late')
    return (
      <span className="reserves-code">
        {a.dispatch
          ? t('alerts.dispatch', { number: a.dispatch })
          : t('alerts.transfer', { from: a.warehouse, to: String(a.figures.to ?? '') })}
      </span>
    );
  return (
    <>
      <span className="reserves-code">{a.product}</span>
      {a.lot && <span className="reserves-code"> · {a.lot}</span>}
      <Text size="xs" c="dimmed" display="block" component="span">
        {a.productName}
      </Text>
    </>
  );
}

/** The figures of an alert, in words. */
function Figures({ a }: { a: AlertViewT }) {
  const { t } = useTranslation('reserves');
  const f = a.figures;
  const n = (v: unknown) => fmt(Number(v ?? 0));
  switch (a.kind) {
    case 'below_minimum':
      return <>{t('alerts.fig.below', { quantity: n(f.quantity), minimum: n(f.minimum), missing: n(f.missing) })}</>;
    case 'near_expiry':
      return <>{t('alerts.fig.near', { quantity: n(f.quantity), date: formatDate(String(f.expiresOn)), days: n(f.daysLeft) })}</>;
    case 'expired':
      return <>{t('alerts.fig.expired', { quantity: n(f.quantity), date: formatDate(String(f.expiresOn)) })}</>;
    case 'maintenance_overdue':
      return (
        <>
          {f.dueOn
            ? t('alerts.fig.overdue', { date: formatDate(String(f.dueOn)), days: n(f.daysOverdue) })
            : t('alerts.fig.overdueHours', { hours: n(f.hours) })}
        </>
      );
    case 'transit_late':
      return (
        <>
          {t('alerts.fig.late', {
            hours: n(f.hoursLate),
            date: f.expectedAt ? formatDate(String(f.expectedAt), true) : '—',
            quantity: n(f.remaining ?? f.quantity),
          })}
        </>
      );
  }
}

/** Alerts computed live from the stock, expiry dates, maintenance and transits, grouped by kind, with counts and a chart. */
export function AlertsPage() {
  const { t } = useTranslation('reserves');
  useLiveUpdates();
  const { data: me } = useMe();
  const client = useQueryClient();
  const platforms = usePlatforms();
  const visible = useMemo(() => visiblePlatforms(me, platforms.data?.items ?? []), [me, platforms.data]);
  const [params, setParams] = useListParams({ platform: '', kind: '', horizon: '90' });
  const platform = params.platform || (visible.length === 1 ? visible[0]!.code : '');
  const horizonDays = Math.min(730, Math.max(1, Number(params.horizon) || 90));
  const list = useQuery({
    queryKey: ['reserves', 'alerts', platform, params.kind, horizonDays],
    enabled: !!platforms.data,
    queryFn: () => api<AlertListT>('GET', `/reserves/alerts${qs({ platform, kind: params.kind, horizonDays, pageSize: 1000 })}`),
    placeholderData: keepPreviousData,
  });
  const [note, setNote] = useState('');
  const ack = useMutation({
    mutationFn: (key: string) =>
      api('POST', '/reserves/alerts/ack', { key, horizonDays, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reserves', 'alerts'] }),
  });
  const data = list.data;
  const chart = ALERT_KINDS.map((k) => {
    const row: Record<string, string | number> = { label: t(`alerts.kinds.${k}`) };
    for (const s of SEVERITIES) row[s] = data?.items.filter((a) => a.kind === k && a.severity === s).length ?? 0;
    return row;
  });
  const groups = ALERT_KINDS.filter((k) => (data?.counts[k] ?? 0) > 0);

  return (
    <Stack>
      <PageHeader title={t('alerts.title')} crumbs={[{ label: t('dashboard.title'), to: BASE }, { label: t('alerts.title') }]} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} role="search" aria-label={t('filters')}>
        <Select
          label={t('stock.platform')}
          data={visible.map((p) => ({ value: p.code, label: nameOf(p) }))}
          value={platform || null}
          onChange={(v) => setParams({ platform: v ?? '' })}
          clearable={visible.length > 1}
          placeholder={t('all')}
          data-testid="alerts-platform"
        />
        <Select
          label={t('alerts.kind')}
          data={ALERT_KINDS.map((k) => ({ value: k, label: t(`alerts.kinds.${k}`) }))}
          value={params.kind || null}
          onChange={(v) => setParams({ kind: v ?? '' })}
          clearable
          placeholder={t('all')}
        />
        <NumberInput
          label={t('alerts.horizon')}
          description={t('alerts.horizonHelp')}
          min={1}
          max={730}
          value={horizonDays}
          onChange={(v) => setParams({ horizon: String(v || 90) })}
        />
      </SimpleGrid>
      <ErrorAlert error={list.error ?? ack.error} />
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} data-testid="alert-counts">
        {ALERT_KINDS.map((k) => (
          <Paper key={k} withBorder p="sm">
            <Text size="sm" c="dimmed">
              {t(`alerts.kinds.${k}`)}
            </Text>
            <Text fw={700} size="xl">
              {fmt(data?.counts[k] ?? 0)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {data && data.total > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="alerts-chart">
          <Title order={2} size="h4" id="alerts-chart" mb="sm">
            {t('alerts.chart')}
          </Title>
          <div aria-hidden="true" inert>
            <BarChart
              h={240}
              data={chart}
              dataKey="label"
              type="stacked"
              withLegend
              series={SEVERITIES.map((s) => ({ name: s, label: t(`alerts.severity.${s}`), color: SEVERITY_COLOR[s]! }))}
              xAxisProps={{ interval: 0, angle: -20, textAnchor: 'end', height: 60 }}
            />
          </div>
          <Text size="sm" className="sr-only">
            {ALERT_KINDS.map((k) => `${t(`alerts.kinds.${k}`)}: ${data.counts[k]}`).join(' ; ')}
          </Text>
        </Paper>
      )}
      {data && data.total === 0 && <Text>{t('alerts.none')}</Text>}
      {groups.length > 0 && (
        <TextInput
          label={t('alerts.ackNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={500}
          maw={480}
        />
      )}
      {groups.map((k) => (
        <Paper key={k} withBorder p="md" component="section" aria-labelledby={`alerts-${k}`} data-testid={`alerts-${k}`}>
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4" id={`alerts-${k}`}>
              {t(`alerts.kinds.${k}`)} ({fmt(data!.counts[k as AlertKind])})
            </Title>
          </Group>
          <Table.ScrollContainer minWidth={0}>
            <Table verticalSpacing={4} striped>
              <Table.Caption className="sr-only">{t(`alerts.kinds.${k}`)}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('alerts.severityHeader')}</Table.Th>
                  <Table.Th>{t('alerts.subject')}</Table.Th>
                  <Table.Th>{t('alerts.where')}</Table.Th>
                  <Table.Th>{t('alerts.figures')}</Table.Th>
                  <Table.Th className="hide-phone">{t('alerts.since')}</Table.Th>
                  <Table.Th>{t('alerts.ack')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data!.items
                  .filter((a) => a.kind === k)
                  .slice(0, 200)
                  .map((a) => (
                    <Table.Tr key={a.key}>
                      <Table.Td>
                        <Badge color={BADGE_COLOR[a.severity]} variant="light">
                          {t(`alerts.severity.${a.severity}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Subject a={a} />
                      </Table.Td>
                      <Table.Td className="reserves-code">{a.warehouse ?? a.platform}</Table.Td>
                      <Table.Td>
                        <Figures a={a} />
                      </Table.Td>
                      <Table.Td className="hide-phone">{a.since ? formatDate(a.since, a.since.length > 10) : '—'}</Table.Td>
                      <Table.Td>
                        {a.acknowledged ? (
                          <Text size="xs">
                            {t('alerts.ackBy', { by: a.acknowledged.by, date: formatDate(a.acknowledged.at, true) })}
                            {a.acknowledged.note ? ` — ${a.acknowledged.note}` : ''}
                          </Text>
                        ) : (
                          <Button
                            size="compact-xs"
                            variant="light"
                            loading={ack.isPending && ack.variables === a.key}
                            onClick={() => ack.mutate(a.key)}
                            aria-label={t('alerts.ackLabel', { subject: a.serial ?? a.lot ?? a.product ?? a.dispatch ?? a.key })}
                          >
                            {t('alerts.ackButton')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data!.counts[k as AlertKind] > 200 && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('alerts.more', { count: data!.counts[k as AlertKind] - 200 })}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
