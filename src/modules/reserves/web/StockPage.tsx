import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SimpleGrid, Select, Stack, Text, TextInput } from '@mantine/core';
import './reserves.css';
import { useDebouncedValue } from '@mantine/hooks';
import { api } from '../../../web/api';
import { formatDate } from '../../../web/dates';
import { useMe } from '../../../web/session';
import { DataTable, useListParams } from '../../../web/shell/DataTable';
import { PageHeader } from '../../../web/shell/PageHeader';
import { CATEGORIES, type StockItemT } from '../contract';
import { BASE, fmt, nameOf, qs, useLiveUpdates, usePlatforms, useProducts, visiblePlatforms, type Page } from './common';
import { ExportLinks } from './DashboardPage';

/** Stock on hand per warehouse, bin, product and lot: filters in the URL, paginated, live. */
export function StockPage() {
  const { t } = useTranslation('reserves');
  useLiveUpdates();
  const { data: me } = useMe();
  const platforms = usePlatforms();
  const products = useProducts();
  const visible = useMemo(() => visiblePlatforms(me, platforms.data?.items ?? []), [me, platforms.data]);
  const defaults = { platform: '', warehouse: '', category: '', product: '', lot: '', page: '1' };
  const [params, setParams] = useListParams(defaults);
  const [lot, setLot] = useState(params.lot);
  const [debouncedLot] = useDebouncedValue(lot, 400);
  useEffect(() => {
    if (debouncedLot.trim() !== params.lot) setParams({ lot: debouncedLot.trim() });
  }, [debouncedLot]);
  const page = Number(params.page) || 1;
  const pageSize = 50;
  // A single visible platform (an officer): ask for it, so the server never answers 403 on the whole country.
  const platform = params.platform || (visible.length === 1 ? visible[0]!.code : '');
  const list = useQuery({
    queryKey: ['reserves', 'stock', params, platform],
    enabled: !!platforms.data,
    queryFn: () => api<Page<StockItemT>>('GET', `/reserves/stock${qs({ ...params, platform, page, pageSize })}`),
    placeholderData: (prev) => prev,
  });
  const warehouses = visible
    .filter((p) => !platform || p.code === platform)
    .flatMap((p) => p.warehouses.map((w) => ({ value: w.code, label: `${w.code} — ${nameOf(w)}` })));
  const productOptions = (products.data?.items ?? [])
    .filter((p) => !params.category || p.category === params.category)
    .map((p) => ({ value: p.code, label: `${p.code} — ${nameOf(p)}` }));
  return (
    <Stack>
      <PageHeader title={t('stock.title')} crumbs={[{ label: t('dashboard.title'), to: BASE }, { label: t('stock.title') }]}>
        <ExportLinks
          path="stock"
          params={{ platform, warehouse: params.warehouse, category: params.category, product: params.product, lot: params.lot }}
          testId="stock-exports"
        />
      </PageHeader>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} role="search" aria-label={t('filters')}>
        <Select
          label={t('stock.platform')}
          data={visible.map((p) => ({ value: p.code, label: nameOf(p) }))}
          value={platform || null}
          onChange={(v) => setParams({ platform: v ?? '', warehouse: '' })}
          clearable={visible.length > 1}
          placeholder={t('all')}
          data-testid="filter-platform"
        />
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
          label={t('stock.category')}
          data={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          value={params.category || null}
          onChange={(v) => setParams({ category: v ?? '' })}
          clearable
          placeholder={t('all')}
        />
        <Select
          label={t('stock.product')}
          data={productOptions}
          value={params.product || null}
          onChange={(v) => setParams({ product: v ?? '' })}
          clearable
          searchable
          placeholder={t('all')}
          limit={60}
        />
        <TextInput label={t('stock.lot')} value={lot} onChange={(e) => setLot(e.currentTarget.value)} maxLength={64} />
      </SimpleGrid>
      <DataTable<StockItemT>
        caption={t('stock.caption')}
        captionHidden
        testId="stock-table"
        columns={[
          {
            key: 'warehouse',
            header: t('stock.warehouse'),
            render: (r) => <span className="reserves-code">{`${r.warehouse} · ${r.bin}`}</span>,
          },
          {
            key: 'product',
            header: t('stock.product'),
            render: (r) => (
              <>
                <span className="reserves-code">{r.product}</span>
                <Text size="xs" c="dimmed" component="span" display="block">
                  {r.productName}
                </Text>
                <Text size="xs" component="span" className="show-phone">
                  {r.lot ?? r.serial ?? ''}
                </Text>
              </>
            ),
          },
          { key: 'category', header: t('stock.category'), render: (r) => t(`categories.${r.category}`), hideOnPhone: true },
          { key: 'lot', header: t('stock.lot'), render: (r) => r.lot ?? r.serial ?? '—', hideOnPhone: true },
          {
            key: 'expires',
            header: t('stock.expiresOn'),
            render: (r) => (r.expiresOn ? formatDate(r.expiresOn) : '—'),
            hideOnPhone: true,
          },
          {
            key: 'quantity',
            header: t('stock.quantity'),
            render: (r) => `${fmt(r.quantity)} ${t(`units.${r.unit}`, { defaultValue: r.unit })}`,
          },
        ]}
        rows={list.data?.items}
        rowKey={(r) => `${r.warehouse}|${r.bin}|${r.product}|${r.lot ?? ''}|${r.serial ?? ''}`}
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
