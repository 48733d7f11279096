import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { api } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/ErrorAlert';
import { formatDate } from '../../../web/dates';
import { holds, useMe } from '../../../web/session';
import { DataTable, useListParams } from '../../../web/shell/DataTable';
import { PageHeader } from '../../../web/shell/PageHeader';
import {
  ORDER_KINDS,
  ORDER_STATUSES,
  OrderInput,
  SUPPLY_PERM,
  type OrderStatus,
  type OrderSummaryT,
  type OrderViewT,
  type PartnerViewT,
} from '../supply/contract';
import {
  BASE,
  fmt,
  nameOf,
  qs,
  useIdempotencyKey,
  useLiveUpdates,
  usePlatforms,
  useProducts,
  visiblePlatforms,
  type Page,
} from './common';

export const STATUS_COLOR: Record<OrderStatus, string> = {
  draft: 'gray',
  confirmed: 'blue',
  partially_received: 'orange',
  received: 'green',
  closed: 'dark',
  cancelled: 'red',
};

/** Received / ordered as a labelled progress bar (the numbers are written out too, for screen readers). */
export function ReceivedBar({ received, ordered, label }: { received: number; ordered: number; label: string }) {
  const pct = ordered > 0 ? Math.min(100, Math.round((received / ordered) * 100)) : 0;
  return (
    <Stack gap={2} miw={120}>
      <Progress value={pct} color={received >= ordered ? 'green' : 'blue'} aria-label={label} size="md" />
      <Text size="xs">
        {fmt(received)} / {fmt(ordered)} ({pct} %)
      </Text>
    </Stack>
  );
}

export function usePartners() {
  return useQuery({
    queryKey: ['reserves', 'supply', 'partners'],
    queryFn: () => api<Page<PartnerViewT>>('GET', '/reserves/supply/partners?pageSize=200'),
    staleTime: 60_000,
  });
}

/** Purchase orders and donation pledges of the platforms in scope, with their status and received progress; a form to add one. */
export function SupplyPage() {
  const { t } = useTranslation('reserves');
  useLiveUpdates();
  const { data: me } = useMe();
  const platforms = usePlatforms();
  const visible = useMemo(() => visiblePlatforms(me, platforms.data?.items ?? []), [me, platforms.data]);
  const [params, setParams] = useListParams({ kind: '', status: '', platform: '', q: '', page: '1' });
  const page = Number(params.page) || 1;
  const pageSize = 25;
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['reserves', 'supply', 'orders', params],
    queryFn: () => api<Page<OrderSummaryT>>('GET', `/reserves/supply/orders${qs({ ...params, page, pageSize })}`),
    placeholderData: (prev) => prev,
  });
  const canManage = holds(me, SUPPLY_PERM.manage);
  return (
    <Stack>
      <PageHeader title={t('supply.title')} crumbs={[{ label: t('dashboard.title'), to: BASE }, { label: t('supply.title') }]}>
        {canManage && (
          <Button
            onClick={() => setCreating((c) => !c)}
            aria-expanded={creating}

            data-testid="supply-new"
          >
            {t('supply.new')}
          </Button>
        )}
      </PageHeader>
      {creating && (
        <div id="supply-new">
          <NewOrderForm warehouses={visible.flatMap((p) => p.warehouses)} />
        </div>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} role="search" aria-label={t('filters')}>
        <Select
          label={t('supply.kind')}
          data={ORDER_KINDS.map((k) => ({ value: k, label: t(`supply.kinds.${k}`) }))}
          value={params.kind || null}
          onChange={(v) => setParams({ kind: v ?? '' })}
          clearable
          placeholder={t('all')}
        />
        <Select
          label={t('supply.status')}
          data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`supply.statuses.${s}`) }))}
          value={params.status || null}
          onChange={(v) => setParams({ status: v ?? '' })}
          clearable
          placeholder={t('all')}
        />
        <Select
          label={t('supply.platform')}
          data={visible.map((p) => ({ value: p.code, label: `${p.code} — ${p.city}` }))}
          value={params.platform || null}
          onChange={(v) => setParams({ platform: v ?? '' })}
          clearable
          searchable
          placeholder={t('all')}
        />
        <TextInput
          label={t('supply.search')}
          defaultValue={params.q}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setParams({ q: e.currentTarget.value.trim() });
          }}
          onBlur={(e) => setParams({ q: e.currentTarget.value.trim() })}
        />
      </SimpleGrid>
      <DataTable<OrderSummaryT>
        caption={t('supply.caption')}
        captionHidden
        testId="supply-orders"
        columns={[
          {
            key: 'number',
            header: t('supply.number'),
            render: (o) => (
              <Anchor component={Link} to={`${BASE}/supply/${o.number}`}>
                {o.number}
              </Anchor>
            ),
          },
          { key: 'kind', header: t('supply.kind'), render: (o) => t(`supply.kinds.${o.kind}`), hideOnPhone: true },
          { key: 'partner', header: t('supply.partner'), render: (o) => o.partnerName },
          {
            key: 'status',
            header: t('supply.status'),
            render: (o) => (
              <Badge
                color={STATUS_COLOR[o.status]}
                variant="light"
                h="auto"
                styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
              >
                {t(`supply.statuses.${o.status}`)}
              </Badge>
            ),
          },
          {
            key: 'progress',
            header: t('supply.progress'),
            render: (o) => (
              <ReceivedBar received={o.received} ordered={o.ordered} label={t('supply.progressOf', { number: o.number })} />
            ),
          },
          { key: 'warehouse', header: t('stock.warehouse'), render: (o) => o.warehouse, hideOnPhone: true },
          {
            key: 'expected',
            header: t('supply.expectedOn'),
            render: (o) => (o.expectedOn ? formatDate(o.expectedOn) : '—'),
            hideOnPhone: true,
          },
          {
            key: 'value',
            header: t('supply.value'),
            render: (o) => (o.valueMad === null ? '—' : `${fmt(o.valueMad)} MAD`),
            hideOnPhone: true,
          },
        ]}
        rows={list.data?.items}
        rowKey={(o) => o.number}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        onPageChange={(p) => setParams({ page: String(p) })}
        loading={list.isFetching}
        error={list.error}
        empty={t('supply.empty')}
      />
    </Stack>
  );
}

interface Line {
  key: number;
  product: string;
  quantity: number | '';
  price: number | '';
}

/** A new purchase order or donation pledge: checked with the contract's schema, sent once (Idempotency-Key). */
function NewOrderForm({ warehouses }: { warehouses: { code: string; nameFr: string; nameAr: string; nameEn: string | null }[] }) {
  const { t } = useTranslation('reserves');
  const navigate = useNavigate();
  const client = useQueryClient();
  const partners = usePartners();
  const products = useProducts();
  const keyFor = useIdempotencyKey();
  const [kind, setKind] = useState<'purchase' | 'donation'>('purchase');
  const [partner, setPartner] = useState('');
  const [warehouse, setWarehouse] = useState('');
  const [expectedOn, setExpectedOn] = useState('');
  const [reference, setReference] = useState('');
  const [tolerance, setTolerance] = useState<number | ''>(0);
  const [confirm, setConfirm] = useState(true);
  const next = useRef(1);
  const [lines, setLines] = useState<Line[]>([{ key: 0, product: '', quantity: '', price: '' }]);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: unknown) =>
      api<OrderViewT>('POST', '/reserves/supply/orders', body, { headers: { 'idempotency-key': keyFor(body) } }),
    onSuccess: async (o) => {
      await client.invalidateQueries({ queryKey: ['reserves', 'supply'] });
      void navigate(`${BASE}/supply/${o.number}`);
    },
  });
  const partnerOptions = (partners.data?.items ?? [])
    .filter((p) => p.kind === (kind === 'purchase' ? 'supplier' : 'donor'))
    .map((p) => ({ value: p.code, label: p.name }));
  const setLine = (i: number, c: Partial<Line>) => setLines((prev) => prev.map((l, j) => (j === i ? { ...l, ...c } : l)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      kind,
      partner,
      warehouse,
      ...(expectedOn ? { expectedOn } : {}),
      ...(reference.trim() ? { reference: reference.trim() } : {}),
      tolerancePct: tolerance === '' ? 0 : tolerance,
      confirm,
      lines: lines.map((l) => ({
        product: l.product,
        quantity: l.quantity === '' ? 0 : l.quantity,
        ...(kind === 'purchase' && l.price !== '' ? { unitPriceMad: l.price } : {}),
      })),
    };
    const found: Record<string, string> = {};
    const parsed = OrderInput.safeParse(body);
    if (!parsed.success)
      for (const iss of parsed.error.issues) {
        const path = iss.path.join('.');
        found[path] ??= iss.path.at(-1) === 'quantity' ? t('form.quantity') : t('form.required');
      }
    if (kind === 'purchase') lines.forEach((l, i) => l.price === '' && (found[`lines.${i}.unitPriceMad`] = t('form.required')));
    setIssues(found);
    if (Object.keys(found).length) {
      document.getElementById(`po-${Object.keys(found)[0]!.replace(/\./g, '-')}`)?.focus();
      return;
    }
    save.mutate(parsed.data);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="po-title">
      <Title order={2} size="h4" id="po-title" mb="sm">
        {t('supply.new')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="order-form">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Select
              id="po-kind"
              label={t('supply.kind')}
              data={ORDER_KINDS.map((k) => ({ value: k, label: t(`supply.kinds.${k}`) }))}
              value={kind}
              onChange={(v) => {
                if (v) setKind(v as 'purchase' | 'donation');
                setPartner('');
              }}
              allowDeselect={false}
              required
            />
            <Select
              id="po-partner"
              label={kind === 'purchase' ? t('supply.supplier') : t('supply.donor')}
              data={partnerOptions}
              value={partner || null}
              onChange={(v) => setPartner(v ?? '')}
              searchable
              required
              error={issues.partner}
            />
            <Select
              id="po-warehouse"
              label={t('stock.warehouse')}
              data={warehouses.map((w) => ({ value: w.code, label: `${w.code} — ${nameOf(w)}` }))}
              value={warehouse || null}
              onChange={(v) => setWarehouse(v ?? '')}
              searchable
              required
              error={issues.warehouse}
            />
            <TextInput
              id="po-expectedOn"
              type="date"
              label={t('supply.expectedOn')}
              value={expectedOn}
              onChange={(e) => setExpectedOn(e.currentTarget.value)}
            />
            <TextInput
              id="po-reference"
              label={t('supply.reference')}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              maxLength={200}
            />
            <NumberInput
              id="po-tolerancePct"
              label={t('supply.tolerance')}
              value={tolerance}
              onChange={(v) => setTolerance(typeof v === 'number' ? v : '')}
              min={0}
              max={50}
              allowDecimal={false}
              suffix=" %"
              error={issues.tolerancePct}
            />
          </SimpleGrid>
          {lines.map((l, i) => (
            <Fieldset key={l.key} legend={t('movements.line', { n: i + 1 })}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  id={`po-lines-${i}-product`}
                  label={t('stock.product')}
                  data={(products.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.code} — ${nameOf(p)}` }))}
                  value={l.product || null}
                  onChange={(v) => setLine(i, { product: v ?? '' })}
                  searchable
                  limit={60}
                  required
                  error={issues[`lines.${i}.product`]}
                />
                <NumberInput
                  id={`po-lines-${i}-quantity`}
                  label={kind === 'purchase' ? t('supply.ordered') : t('supply.pledged')}
                  value={l.quantity}
                  onChange={(v) => setLine(i, { quantity: typeof v === 'number' ? v : '' })}
                  min={1}
                  allowDecimal={false}
                  allowNegative={false}
                  required
                  error={issues[`lines.${i}.quantity`]}
                />
                {kind === 'purchase' && (
                  <NumberInput
                    id={`po-lines-${i}-unitPriceMad`}
                    label={t('supply.unitPrice')}
                    value={l.price}
                    onChange={(v) => setLine(i, { price: typeof v === 'number' ? v : '' })}
                    min={0}
                    decimalScale={2}
                    allowNegative={false}
                    required
                    error={issues[`lines.${i}.unitPriceMad`]}
                  />
                )}
              </SimpleGrid>
              {lines.length > 1 && (
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  mt="xs"
                  onClick={() => setLines((p) => p.filter((_, j) => j !== i))}
                >
                  {t('movements.removeLine', { n: i + 1 })}
                </Button>
              )}
            </Fieldset>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() => setLines((p) => [...p, { key: next.current++, product: '', quantity: '', price: '' }])}
            >
              {t('movements.addLine')}
            </Button>
          </Group>
          <Checkbox label={t('supply.confirmNow')} checked={confirm} onChange={(e) => setConfirm(e.currentTarget.checked)} />
          <ErrorAlert error={save.error} />
          {Object.keys(issues).length > 0 && (
            <Text c="red" size="sm" role="alert">
              {t('form.fix', { count: Object.keys(issues).length })}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="order-submit">
              {t('supply.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
