import { useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, SimpleGrid, Select, Stack, Text } from '@mantine/core';
import { api } from '../../../web/api';
import { formatDate } from '../../../web/dates';
import { holds, useMe } from '../../../web/session';
import { DataTable, useListParams } from '../../../web/shell/DataTable';
import { PageHeader } from '../../../web/shell/PageHeader';
import { MOVEMENT_TYPES, PERM, type MovementViewT } from '../contract';
import { BASE, fmt, nameOf, qs, useLiveUpdates, usePlatforms, visiblePlatforms, type Page } from './common';

/** The movements of the ledger, newest first, with their entries; filters by warehouse and type. */
export function MovementsPage() {
  const { t } = useTranslation('reserves');
  useLiveUpdates();
  const { data: me } = useMe();
  const platforms = usePlatforms();
  const visible = useMemo(() => visiblePlatforms(me, platforms.data?.items ?? []), [me, platforms.data]);
  const [params, setParams] = useListParams({ warehouse: '', type: '', page: '1' });
  const page = Number(params.page) || 1;
  const pageSize = 25;
  // An officer sees one platform: without a warehouse the server lists what is in scope.
  const list = useQuery({
    queryKey: ['reserves', 'movements', params],
    queryFn: () => api<Page<MovementViewT>>('GET', `/reserves/movements${qs({ ...params, page, pageSize })}`),
    placeholderData: (prev) => prev,
  });
  const warehouses = visible.flatMap((p) => p.warehouses.map((w) => ({ value: w.code, label: `${w.code} — ${nameOf(w)}` })));
  return (
    <Stack>
      <PageHeader
        title={t('movements.title')}
        crumbs={[{ label: t('dashboard.title'), to: BASE }, { label: t('movements.title') }]}
      >
        {holds(me, PERM.movementsPost) && (
          <Button component={Link} to={`${BASE}/movements/new`} data-testid="new-movement">
            {t('movements.new')}
          </Button>
        )}
      </PageHeader>
      <SimpleGrid cols={{ base: 1, sm: 2 }} role="search" aria-label={t('filters')}>
        <Select
          label={t('stock.warehouse')}
          data={warehouses}
          value={params.warehouse || null}
          onChange={(v) => setParams({ warehouse: v ?? '' })}
          clearable
          searchable
          placeholder={t('all')}
        />
        <Select
          label={t('movements.type')}
          data={MOVEMENT_TYPES.map((m) => ({ value: m, label: t(`types.${m}`) }))}
          value={params.type || null}
          onChange={(v) => setParams({ type: v ?? '' })}
          clearable
          placeholder={t('all')}
        />
      </SimpleGrid>
      <DataTable<MovementViewT>
        caption={t('movements.caption')}
        captionHidden
        testId="movements-table"
        columns={[
          { key: 'at', header: t('movements.occurredAt'), render: (m) => formatDate(m.occurredAt, true) },
          { key: 'type', header: t('movements.type'), render: (m) => t(`types.${m.type}`) },
          {
            key: 'warehouse',
            header: t('stock.warehouse'),
            render: (m) => (m.toWarehouse ? `${m.warehouse} → ${m.toWarehouse}` : m.warehouse),
          },
          {
            key: 'entries',
            header: t('movements.lines'),
            render: (m) => (
              <Stack gap={0}>
                {m.entries.slice(0, 5).map((e) => (
                  <Text size="xs" key={`${e.line}-${e.warehouse}-${e.lot}`}>
                    {e.product}
                    {e.lot ? ` · ${e.lot}` : ''} : {e.delta > 0 ? '+' : ''}
                    {fmt(e.delta)}
                  </Text>
                ))}
                {m.entries.length > 5 && <Text size="xs">{t('movements.more', { count: m.entries.length - 5 })}</Text>}
              </Stack>
            ),
          },
          { key: 'ref', header: t('movements.reference'), render: (m) => m.reference ?? m.reason ?? '—', hideOnPhone: true },
        ]}
        rows={list.data?.items}
        rowKey={(m) => m.id}
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
