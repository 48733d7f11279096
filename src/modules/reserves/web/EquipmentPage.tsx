import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Badge, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import './reserves.css';
import { api } from '../../../web/api';
import { formatDate } from '../../../web/dates';
import { useMe } from '../../../web/session';
import { DataTable, useListParams } from '../../../web/shell/DataTable';
import { PageHeader } from '../../../web/shell/PageHeader';
import { UNIT_STATUSES, type EquipmentUnitViewT, type ReadinessSummaryT } from '../maintenance/contract';
import { BASE, fmt, nameOf, qs, useLiveUpdates, usePlatforms, visiblePlatforms } from './common';

export const STATUS_COLOR: Record<string, string> = {
  ready: 'teal',
  in_maintenance: 'orange',
  out_of_service: 'red',
  deployed: 'blue',
};

/** The status of a unit and, when it matters, why it is not ready to deploy. */
export function UnitStatusBadges({ u }: { u: Pick<EquipmentUnitViewT, 'status' | 'overdue' | 'readyToDeploy'> }) {
  const { t } = useTranslation('reserves');
  return (
    <>
      <Badge color={STATUS_COLOR[u.status]} variant="light">
        {t(`maintenance.status.${u.status}`)}
      </Badge>{' '}
      {u.overdue && u.status !== 'deployed' && (
        <Badge color="red" variant="outline">
          {t('maintenance.overdue')}
        </Badge>
      )}
    </>
  );
}

/** Equipment units (serial numbers) with their status, next maintenance and readiness to deploy. */
export function EquipmentPage() {
  const { t } = useTranslation('reserves');
  useLiveUpdates();
  const { data: me } = useMe();
  const platforms = usePlatforms();
  const visible = useMemo(() => visiblePlatforms(me, platforms.data?.items ?? []), [me, platforms.data]);
  const [params, setParams] = useListParams({ platform: '', status: '', overdue: '', ready: '', q: '', page: '1' });
  const [q, setQ] = useState(params.q);
  const [debounced] = useDebouncedValue(q, 400);
  useEffect(() => {
    if (debounced.trim() !== params.q) setParams({ q: debounced.trim() });
  }, [debounced]);
  const platform = params.platform || (visible.length === 1 ? visible[0]!.code : '');
  const page = Number(params.page) || 1;
  const pageSize = 50;
  const list = useQuery({
    queryKey: ['reserves', 'equipment', params, platform],
    enabled: !!platforms.data,
    queryFn: () =>
      api<{ items: EquipmentUnitViewT[]; total: number; summary: ReadinessSummaryT }>(
        'GET',
        `/reserves/equipment${qs({ platform, status: params.status, overdue: params.overdue, ready: params.ready, q: params.q, page, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const s = list.data?.summary;
  const cards: [string, number | undefined][] = [
    ['units', s?.units],
    ['readyToDeploy', s?.readyToDeploy],
    ['overdue', s?.overdue],
    ['inMaintenance', s?.inMaintenance],
    ['outOfService', s?.outOfService],
    ['deployed', s?.deployed],
  ];
  return (
    <Stack>
      <PageHeader
        title={t('maintenance.title')}
        crumbs={[{ label: t('dashboard.title'), to: BASE }, { label: t('maintenance.title') }]}
      />
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} data-testid="equipment-summary">
        {cards.map(([k, v]) => (
          <Paper key={k} withBorder p="sm">
            <Text size="sm" c="dimmed">
              {t(`maintenance.summary.${k}`)}
            </Text>
            <Text fw={700} size="xl">
              {v === undefined ? '…' : fmt(v)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} role="search" aria-label={t('filters')}>
        <Select
          label={t('stock.platform')}
          data={visible.map((p) => ({ value: p.code, label: nameOf(p) }))}
          value={platform || null}
          onChange={(v) => setParams({ platform: v ?? '' })}
          clearable={visible.length > 1}
          placeholder={t('all')}
          data-testid="equipment-platform"
        />
        <Select
          label={t('maintenance.statusLabel')}
          data={UNIT_STATUSES.map((k) => ({ value: k, label: t(`maintenance.status.${k}`) }))}
          value={params.status || null}
          onChange={(v) => setParams({ status: v ?? '' })}
          clearable
          placeholder={t('all')}
        />
        <Select
          label={t('maintenance.overdueLabel')}
          data={[
            { value: 'true', label: t('maintenance.yes') },
            { value: 'false', label: t('maintenance.no') },
          ]}
          value={params.overdue || null}
          onChange={(v) => setParams({ overdue: v ?? '' })}
          clearable
          placeholder={t('all')}
        />
        <Select
          label={t('maintenance.readyLabel')}
          data={[
            { value: 'true', label: t('maintenance.yes') },
            { value: 'false', label: t('maintenance.no') },
          ]}
          value={params.ready || null}
          onChange={(v) => setParams({ ready: v ?? '' })}
          clearable
          placeholder={t('all')}
        />
        <TextInput label={t('maintenance.serial')} value={q} onChange={(e) => setQ(e.currentTarget.value)} maxLength={64} />
      </SimpleGrid>
      <DataTable<EquipmentUnitViewT>
        caption={t('maintenance.caption')}
        captionHidden
        testId="equipment-table"
        columns={[
          {
            key: 'serial',
            header: t('maintenance.serial'),
            render: (u) => (
              <>
                <Link to={`${BASE}/equipment/${encodeURIComponent(u.serial)}`} className="reserves-code">
                  {u.serial}
                </Link>
                <Text size="xs" c="dimmed" component="span" display="block">
                  {u.productName}
                </Text>
              </>
            ),
          },
          { key: 'warehouse', header: t('stock.warehouse'), render: (u) => <span className="reserves-code">{u.warehouse}</span> },
          { key: 'status', header: t('maintenance.statusLabel'), render: (u) => <UnitStatusBadges u={u} /> },
          {
            key: 'due',
            header: t('maintenance.nextDue'),
            render: (u) => (u.nextDueOn ? formatDate(u.nextDueOn) : '—'),
            hideOnPhone: true,
          },
          { key: 'hours', header: t('maintenance.hours'), render: (u) => fmt(u.hours), hideOnPhone: true },
          {
            key: 'ready',
            header: t('maintenance.readyLabel'),
            render: (u) => (u.readyToDeploy ? t('maintenance.yes') : t('maintenance.no')),
          },
        ]}
        rows={list.data?.items}
        rowKey={(u) => `${u.product}|${u.serial}`}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        onPageChange={(p) => setParams({ page: String(p) })}
        loading={list.isFetching}
        error={list.error}
      />
    </Stack>
  );
}
