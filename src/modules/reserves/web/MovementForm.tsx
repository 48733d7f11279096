import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { api, ApiError } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/ErrorAlert';
import { useMe } from '../../../web/session';
import { PageHeader } from '../../../web/shell/PageHeader';
import { ERR, MovementInput, REASON_REQUIRED, type MovementType, type MovementViewT } from '../contract';
import { BASE, nameOf, useIdempotencyKey, usePlatforms, useProducts, visiblePlatforms } from './common';

const FORM_TYPES = ['receipt', 'dispatch', 'transfer', 'adjustment', 'loss', 'return'] as const satisfies readonly MovementType[];

interface Line {
  key: number;
  product: string;
  lot: string;
  expiresOn: string;
  quantity: number | '';
}

/**
 * A new movement: receipt, dispatch, transfer, adjustment, loss or return, with its lines. Checked
 * with the contract's schema before sending; one Idempotency-Key per form, so a double click or a
 * retry after a network failure records one movement. A 409 RESERVES_INSUFFICIENT_STOCK marks the
 * lines that lack stock.
 */
export function NewMovementPage() {
  const { t } = useTranslation('reserves');
  const navigate = useNavigate();
  const client = useQueryClient();
  const { data: me } = useMe();
  const platforms = usePlatforms();
  const products = useProducts();
  const visible = useMemo(() => visiblePlatforms(me, platforms.data?.items ?? []), [me, platforms.data]);
  const allWarehouses = (platforms.data?.items ?? []).flatMap((p) =>
    p.warehouses.map((w) => ({ value: w.code, label: `${w.code} — ${nameOf(w)}` })),
  );
  const mine = visible.flatMap((p) => p.warehouses.map((w) => ({ value: w.code, label: `${w.code} — ${nameOf(w)}` })));
  const productOptions = (products.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.code} — ${nameOf(p)}` }));
  const productOf = (code: string) => products.data?.items.find((p) => p.code === code);

  const [type, setType] = useState<(typeof FORM_TYPES)[number]>('receipt');
  const [warehouse, setWarehouse] = useState('');
  const [toWarehouse, setToWarehouse] = useState('');
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState('');
  const nextKey = useRef(1);
  const [lines, setLines] = useState<Line[]>([{ key: 0, product: '', lot: '', expiresOn: '', quantity: '' }]);
  const [issues, setIssues] = useState<Record<string, string>>({});
  // One key per body sent: every retry of the same movement carries it.
  const keyFor = useIdempotencyKey();

  const input = () => ({
    type,
    warehouse,
    ...(type === 'transfer' && toWarehouse ? { toWarehouse } : {}),
    ...(reason.trim() ? { reason: reason.trim() } : {}),
    ...(reference.trim() ? { reference: reference.trim() } : {}),
    lines: lines.map((l) => ({
      product: l.product,
      ...(l.lot.trim() ? { lot: l.lot.trim() } : {}),
      ...(l.expiresOn ? { expiresOn: l.expiresOn } : {}),
      quantity: l.quantity === '' ? 0 : Number(l.quantity),
    })),
  });

  const save = useMutation({
    mutationFn: (body: unknown) =>
      api<MovementViewT>('POST', '/reserves/movements', body, { headers: { 'idempotency-key': keyFor(body) } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['reserves'] });
      void navigate(`${BASE}/movements`);
    },
  });

  const short = new Set<number>();
  const serverLineIssues: Record<string, string> = {};
  if (save.error instanceof ApiError) {
    for (const f of save.error.fieldErrors) {
      const m = /^lines\.(\d+)/.exec(f.path);
      if (m && f.code === ERR.insufficientStock) short.add(Number(m[1]));
      serverLineIssues[f.path] = f.message;
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = input();
    const found: Record<string, string> = {};
    if (!warehouse) found.warehouse = t('form.required');
    if (type === 'transfer' && !toWarehouse) found.toWarehouse = t('form.required');
    if (type === 'transfer' && toWarehouse && toWarehouse === warehouse) found.toWarehouse = t('form.sameWarehouse');
    if ((REASON_REQUIRED as readonly string[]).includes(type) && !reason.trim()) found.reason = t('form.required');
    lines.forEach((l, i) => {
      if (!l.product) found[`lines.${i}.product`] = t('form.required');
      const q = l.quantity === '' ? 0 : Number(l.quantity);
      if (q === 0 || (type !== 'adjustment' && q < 0)) found[`lines.${i}.quantity`] = t('form.quantity');
      const p = productOf(l.product);
      if (p?.lotTracked && type === 'receipt' && !l.lot.trim()) found[`lines.${i}.lot`] = t('form.required');
      if (p?.expiryTracked && type === 'receipt' && !l.expiresOn) found[`lines.${i}.expiresOn`] = t('form.required');
    });
    const parsed = MovementInput.safeParse(body);
    if (!parsed.success)
      for (const iss of parsed.error.issues) {
        const path = iss.path.join('.');
        if (!found[path]) found[path] = t('form.invalid');
      }
    setIssues(found);
    if (Object.keys(found).length) {
      const first = Object.keys(found)[0]!.replace(/\./g, '-');
      document.getElementById(`mv-${first}`)?.focus();
      return;
    }
    save.mutate(parsed.data);
  };

  const setLine = (i: number, change: Partial<Line>) =>
    setLines((prev) => prev.map((l, j) => (j === i ? { ...l, ...change } : l)));

  return (
    <Stack>
      <PageHeader
        title={t('movements.new')}
        crumbs={[
          { label: t('dashboard.title'), to: BASE },
          { label: t('movements.title'), to: `${BASE}/movements` },
          { label: t('movements.new') },
        ]}
      />
      <form onSubmit={submit} noValidate data-testid="movement-form">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              id="mv-type"
              label={t('movements.type')}
              data={FORM_TYPES.map((m) => ({ value: m, label: t(`types.${m}`) }))}
              value={type}
              onChange={(v) => v && setType(v as (typeof FORM_TYPES)[number])}
              allowDeselect={false}
              required
              data-testid="movement-type"
            />
            <Select
              id="mv-warehouse"
              label={t('stock.warehouse')}
              data={mine}
              value={warehouse || null}
              onChange={(v) => setWarehouse(v ?? '')}
              searchable
              required
              error={issues.warehouse}
            />
            {type === 'transfer' && (
              <Select
                id="mv-toWarehouse"
                label={t('movements.toWarehouse')}
                data={allWarehouses}
                value={toWarehouse || null}
                onChange={(v) => setToWarehouse(v ?? '')}
                searchable
                required
                error={issues.toWarehouse}
              />
            )}
            <TextInput
              id="mv-reason"
              label={t('movements.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={500}
              required={(REASON_REQUIRED as readonly string[]).includes(type)}
              error={issues.reason}
            />
            <TextInput
              id="mv-reference"
              label={t('movements.reference')}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              maxLength={200}
            />
          </SimpleGrid>
          {lines.map((l, i) => (
            <Fieldset key={l.key} legend={t('movements.line', { n: i + 1 })} data-testid={`line-${i}`}>
              {short.has(i) && (
                <Alert color="red" mb="xs" data-testid={`line-${i}-short`}>
                  {t('movements.short', { detail: serverLineIssues[`lines.${i}`] ?? '' })}
                </Alert>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                <Select
                  id={`mv-lines-${i}-product`}
                  label={t('stock.product')}
                  data={productOptions}
                  value={l.product || null}
                  onChange={(v) => setLine(i, { product: v ?? '' })}
                  searchable
                  required
                  limit={60}
                  error={issues[`lines.${i}.product`]}
                />
                <TextInput
                  id={`mv-lines-${i}-lot`}
                  label={t('stock.lot')}
                  value={l.lot}
                  onChange={(e) => setLine(i, { lot: e.currentTarget.value })}
                  maxLength={64}
                  error={issues[`lines.${i}.lot`] ?? serverLineIssues[`lines.${i}.lot`]}
                />
                <TextInput
                  id={`mv-lines-${i}-expiresOn`}
                  type="date"
                  label={t('stock.expiresOn')}
                  value={l.expiresOn}
                  onChange={(e) => setLine(i, { expiresOn: e.currentTarget.value })}
                  error={issues[`lines.${i}.expiresOn`]}
                />
                <NumberInput
                  id={`mv-lines-${i}-quantity`}
                  label={t('stock.quantity')}
                  value={l.quantity}
                  onChange={(v) => setLine(i, { quantity: typeof v === 'number' ? v : v === '' ? '' : Number(v) })}
                  allowDecimal={false}
                  allowNegative={type === 'adjustment'}
                  required
                  error={issues[`lines.${i}.quantity`]}
                />
              </SimpleGrid>
              {lines.length > 1 && (
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  mt="xs"
                  onClick={() => setLines((prev) => prev.filter((_, j) => j !== i))}
                >
                  {t('movements.removeLine', { n: i + 1 })}
                </Button>
              )}
            </Fieldset>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() =>
                setLines((prev) => [...prev, { key: nextKey.current++, product: '', lot: '', expiresOn: '', quantity: '' }])
              }
            >
              {t('movements.addLine')}
            </Button>
          </Group>
          <ErrorAlert error={save.error} />
          {Object.keys(issues).length > 0 && (
            <Text c="red" size="sm" role="alert">
              {t('form.fix', { count: Object.keys(issues).length })}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="movement-submit">
              {t('movements.save')}
            </Button>
          </Group>
          <Paper p="xs" c="dimmed" fz="xs">
            {t('movements.idempotent')}
          </Paper>
        </Stack>
      </form>
    </Stack>
  );
}
