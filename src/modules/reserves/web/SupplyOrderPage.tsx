import { useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Badge,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { api, ApiError } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/ErrorAlert';
import { formatDate } from '../../../web/dates';
import { useForm } from '../../../web/forms/useForm';
import { holds, useMe } from '../../../web/session';
import { PageHeader } from '../../../web/shell/PageHeader';
import {
  DISCREPANCY_KINDS,
  RECEIVING_BIN,
  REJECT_DISPOSITIONS,
  ReceptionInput,
  SUPPLY_PERM,
  type OrderViewT,
  type ReceptionViewT,
} from '../supply/contract';
import { BASE, fmt, useIdempotencyKey, useLiveUpdates, usePlatforms } from './common';
import { ReceivedBar, STATUS_COLOR } from './SupplyPage';

type Order = OrderViewT;

/** One order or donation: its lines with received/ordered progress, its receptions, and the forms to receive, check and put away. */
export function SupplyOrderPage() {
  const { t } = useTranslation('reserves');
  useLiveUpdates();
  const { number = '' } = useParams();
  const { data: me } = useMe();
  const order = useQuery({
    queryKey: ['reserves', 'supply', 'order', number],
    queryFn: () => api<Order>('GET', `/reserves/supply/orders/${encodeURIComponent(number)}`),
  });
  const canManage = holds(me, SUPPLY_PERM.manage);
  const o = order.data;
  return (
    <Stack>
      <PageHeader
        title={t('supply.orderTitle', { number })}
        crumbs={[
          { label: t('dashboard.title'), to: BASE },
          { label: t('supply.title'), to: `${BASE}/supply` },
          { label: number },
        ]}
      />
      <ErrorAlert error={order.error} />
      {o && (
        <>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <Info label={t('supply.status')}>
                <Badge color={STATUS_COLOR[o.status]} variant="light" data-testid="order-status">
                  {t(`supply.statuses.${o.status}`)}
                </Badge>
              </Info>
              <Info label={t('supply.kind')}>{t(`supply.kinds.${o.kind}`)}</Info>
              <Info label={t('supply.partner')}>{o.partnerName}</Info>
              <Info label={t('stock.warehouse')}>{o.warehouse}</Info>
              <Info label={t('supply.expectedOn')}>{o.expectedOn ? formatDate(o.expectedOn) : '—'}</Info>
              <Info label={t('supply.reference')}>{o.reference ?? '—'}</Info>
              <Info label={t('supply.tolerance')}>{o.tolerancePct} %</Info>
              <Info label={t('supply.value')}>{o.valueMad === null ? '—' : `${fmt(o.valueMad)} MAD`}</Info>
            </SimpleGrid>
            {o.closeReason && (
              <Text size="sm" mt="sm">
                {t('supply.closeReason')} : {o.closeReason}
              </Text>
            )}
          </Paper>
          {canManage && <StatusActions order={o} />}
          <section aria-labelledby="lines-title">
            <Title order={2} size="h3" id="lines-title" mb="xs">
              {t('supply.lines')}
            </Title>
            <div
              className="reserves-scroll"
              style={{ overflowX: 'auto' }}
              tabIndex={0}
              role="group"
              aria-label={t('supply.lines')}
            >
              <Table striped data-testid="order-lines">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('supply.line')}</Table.Th>
                    <Table.Th scope="col">{t('stock.product')}</Table.Th>
                    <Table.Th scope="col">{t('supply.progress')}</Table.Th>
                    <Table.Th scope="col">{t('supply.remaining')}</Table.Th>
                    {o.kind === 'purchase' && <Table.Th scope="col">{t('supply.unitPrice')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {o.orderLines.map((l) => (
                    <Table.Tr key={l.line}>
                      <Table.Td>{l.line}</Table.Td>
                      <Table.Td>
                        {l.product}
                        <Text size="xs" c="dimmed">
                          {l.productName}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <ReceivedBar received={l.received} ordered={l.quantity} label={t('supply.lineProgress', { n: l.line })} />
                      </Table.Td>
                      <Table.Td>{fmt(l.remaining)}</Table.Td>
                      {o.kind === 'purchase' && (
                        <Table.Td>{l.unitPriceMad === null ? '—' : `${fmt(l.unitPriceMad)} MAD`}</Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </section>
          {canManage && (o.status === 'confirmed' || o.status === 'partially_received') && <ReceptionForm order={o} />}
          <section aria-labelledby="receptions-title">
            <Title order={2} size="h3" id="receptions-title" mb="xs">
              {t('supply.receptions')}
            </Title>
            {o.receptions.length === 0 && <Text>{t('supply.noReception')}</Text>}
            <Stack>
              {o.receptions.map((r) => (
                <ReceptionCard key={r.number} order={o} reception={r} canManage={canManage} />
              ))}
            </Stack>
          </section>
        </>
      )}
    </Stack>
  );
}

function Info({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

/** A write on the order (status change, quality check, put-away) answering the order; one Idempotency-Key per body. */
function useOrderMutation<B extends { path: string; body?: unknown }>(order: Order, onDone?: () => void) {
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ path, body }: B) =>
      api<Order>('POST', `/reserves/supply/${path}`, body, { headers: { 'idempotency-key': keyFor({ path, body }) } }),
    onSuccess: async (data) => {
      client.setQueryData(['reserves', 'supply', 'order', order.number], data);
      await client.invalidateQueries({ queryKey: ['reserves'] });
      onDone?.();
    },
  });
}

function StatusActions({ order }: { order: Order }) {
  const { t } = useTranslation('reserves');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const act = useOrderMutation<{ path: string; body?: { reason: string } }>(order, () => setReason(''));
  const run = (action: 'confirm' | 'cancel' | 'close') => {
    if (action !== 'confirm' && !reason.trim()) {
      setMissing(true);
      document.getElementById('order-reason')?.focus();
      return;
    }
    setMissing(false);
    const path = `orders/${encodeURIComponent(order.number)}/${action}`;
    act.mutate(action === 'confirm' ? { path } : { path, body: { reason: reason.trim() } });
  };
  const s = order.status;
  const canCancel = s === 'draft' || s === 'confirmed';
  const canClose = s === 'confirmed' || s === 'partially_received';
  if (s !== 'draft' && !canCancel && !canClose) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('supply.actions')}>
      <Stack gap="xs">
        {(canCancel || canClose) && (
          <TextInput
            id="order-reason"
            label={t('supply.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
            error={missing ? t('form.required') : undefined}
          />
        )}
        <Group>
          {s === 'draft' && (
            <Button onClick={() => run('confirm')} loading={act.isPending} data-testid="order-confirm">
              {t('supply.confirm')}
            </Button>
          )}
          {canClose && s !== 'confirmed' && (
            <Button variant="default" onClick={() => run('close')} loading={act.isPending}>
              {t('supply.close')}
            </Button>
          )}
          {canCancel && (
            <Button color="red" variant="light" onClick={() => run('cancel')} loading={act.isPending}>
              {t('supply.cancel')}
            </Button>
          )}
        </Group>
        <ErrorAlert error={act.error} />
      </Stack>
    </Paper>
  );
}

interface LineState {
  quantity: string;
  lot: string;
  expiresOn: string;
  serials: string;
}
interface DiscState {
  kind: string;
  line: string;
  product: string;
  quantity: string;
  reason: string;
}
interface ReceptionValues extends Record<string, unknown> {
  deliveryNote: string;
  lines: Record<number, LineState>;
  discrepancies: DiscState[];
}

/** The reception form: per order line what arrived (lot, expiry, serials), and the discrepancies with their reasons. */
function ReceptionForm({ order }: { order: Order }) {
  const { t } = useTranslation('reserves');
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const empty: ReceptionValues = { deliveryNote: '', lines: {}, discrepancies: [] };
  const entered = (v: ReceptionValues) => order.orderLines.filter((l) => (v.lines[l.line]?.quantity ?? '').trim() !== '');
  const toInput = (v: ReceptionValues) => ({
    ...(v.deliveryNote.trim() ? { deliveryNote: v.deliveryNote.trim() } : {}),
    lines: entered(v).map((l) => {
      const s = v.lines[l.line]!;
      const serials = s.serials
        .split(/[\s,;]+/)
        .map((x) => x.trim())
        .filter(Boolean);
      return {
        line: l.line,
        quantity: Number(s.quantity),
        ...(s.lot.trim() ? { lot: s.lot.trim() } : {}),
        ...(s.expiresOn ? { expiresOn: s.expiresOn } : {}),
        ...(l.serialTracked ? { serials } : {}),
      };
    }),
    discrepancies: v.discrepancies.map((d) => ({
      kind: d.kind,
      ...(d.line ? { line: Number(d.line) } : {}),
      ...(d.product.trim() ? { product: d.product.trim() } : {}),
      quantity: Number(d.quantity),
      reason: d.reason.trim(),
    })),
  });
  const form = useForm(ReceptionInput, empty, { toInput, ns: 'reserves' });
  const v = form.values;
  const parsed = ReceptionInput.safeParse(toInput(v));
  const lineIssue = new Map<number, Set<string>>();
  const discIssue = new Map<number, Set<string>>();
  if (!parsed.success && form.issue('lines') !== undefined) {
    const order_ = entered(v);
    for (const iss of parsed.error.issues) {
      if (iss.path[0] === 'lines' && typeof iss.path[1] === 'number') {
        const no = order_[iss.path[1]]?.line;
        if (no !== undefined) lineIssue.set(no, (lineIssue.get(no) ?? new Set()).add(String(iss.path[2] ?? 'quantity')));
      }
    }
  }
  if (!parsed.success && form.issue('discrepancies') !== undefined)
    for (const iss of parsed.error.issues)
      if (iss.path[0] === 'discrepancies' && typeof iss.path[1] === 'number')
        discIssue.set(iss.path[1], (discIssue.get(iss.path[1]) ?? new Set()).add(String(iss.path[2] ?? 'quantity')));
  // The server's refusals name `lines.<i>.<field>` of the body sent.
  const serverLine = new Map<number, string>();
  if (form.error instanceof ApiError) {
    const order_ = entered(v);
    for (const f of form.error.fieldErrors) {
      const m = /^lines\.(\d+)/.exec(f.path);
      const no = m ? order_[Number(m[1])]?.line : undefined;
      if (no !== undefined) serverLine.set(no, t(`errors.${f.code}`, { defaultValue: f.code, ...form.error.params }));
    }
  }
  const setLine = (no: number, c: Partial<LineState>) =>
    form.set('lines', { ...v.lines, [no]: { quantity: '', lot: '', expiresOn: '', serials: '', ...v.lines[no], ...c } });
  const setDisc = (i: number, c: Partial<DiscState>) =>
    form.set(
      'discrepancies',
      v.discrepancies.map((d, j) => (j === i ? { ...d, ...c } : d)),
    );
  const receive = useMutation({
    mutationFn: (body: unknown) =>
      api<Order>('POST', `/reserves/supply/orders/${encodeURIComponent(order.number)}/receptions`, body, {
        headers: { 'idempotency-key': keyFor(body) },
      }),
    onSuccess: async (data) => {
      client.setQueryData(['reserves', 'supply', 'order', order.number], data);
      await client.invalidateQueries({ queryKey: ['reserves'] });
      form.reset(empty);
    },
  });
  const onSubmit = (e: FormEvent) => void form.submit((body) => receive.mutateAsync(body))(e);
  const quantityError = form.issue('lines') && entered(v).length === 0 && v.discrepancies.length === 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reception-title">
      <Title order={2} size="h3" id="reception-title" mb="xs">
        {t('supply.receive')}
      </Title>
      <Text size="sm" mb="sm">
        {t('supply.receiveHelp')}
      </Text>
      <form onSubmit={onSubmit} noValidate data-testid="reception-form">
        <Stack>
          <TextInput label={t('supply.deliveryNote')} maxLength={100} {...form.mantine('deliveryNote')} />
          {order.orderLines
            .filter((l) => l.remaining > 0 || order.tolerancePct > 0)
            .map((l) => {
              const s = v.lines[l.line] ?? { quantity: '', lot: '', expiresOn: '', serials: '' };
              const bad = lineIssue.get(l.line) ?? new Set<string>();
              const id = `rc-${l.line}`;
              return (
                <Fieldset
                  key={l.line}
                  legend={`${t('supply.line')} ${l.line} — ${l.product} (${t('supply.remaining')} ${fmt(l.remaining)})`}
                >
                  {serverLine.get(l.line) && (
                    <Alert color="red" mb="xs" role="alert">
                      {serverLine.get(l.line)}
                    </Alert>
                  )}
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                    <TextInput
                      id={`${id}-quantity`}
                      label={t('supply.receivedQty')}
                      inputMode="numeric"
                      value={s.quantity}
                      onChange={(e) => setLine(l.line, { quantity: e.currentTarget.value })}
                      error={bad.has('quantity') ? t('form.quantity') : undefined}
                      data-testid={`receive-qty-${l.line}`}
                    />
                    {l.lotTracked && (
                      <TextInput
                        id={`${id}-lot`}
                        label={t('stock.lot')}
                        value={s.lot}
                        maxLength={64}
                        onChange={(e) => setLine(l.line, { lot: e.currentTarget.value })}
                        error={bad.has('lot') ? t('form.invalid') : undefined}
                        data-testid={`receive-lot-${l.line}`}
                      />
                    )}
                    {l.expiryTracked && (
                      <TextInput
                        id={`${id}-expiresOn`}
                        type="date"
                        label={t('stock.expiresOn')}
                        value={s.expiresOn}
                        onChange={(e) => setLine(l.line, { expiresOn: e.currentTarget.value })}
                        error={bad.has('expiresOn') ? t('form.invalid') : undefined}
                      />
                    )}
                    {l.serialTracked && (
                      <Textarea
                        id={`${id}-serials`}
                        label={t('supply.serials')}
                        description={t('supply.serialsHelp')}
                        value={s.serials}
                        autosize
                        minRows={1}
                        onChange={(e) => setLine(l.line, { serials: e.currentTarget.value })}
                        error={bad.has('serials') ? t('form.invalid') : undefined}
                      />
                    )}
                  </SimpleGrid>
                </Fieldset>
              );
            })}
          {v.discrepancies.map((d, i) => {
            const bad = discIssue.get(i) ?? new Set<string>();
            return (
              <Fieldset key={i} legend={t('supply.discrepancy', { n: i + 1 })}>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                  <Select
                    label={t('supply.discrepancyKind')}
                    data={DISCREPANCY_KINDS.map((k) => ({ value: k, label: t(`supply.discrepancies.${k}`) }))}
                    value={d.kind}
                    onChange={(x) => x && setDisc(i, { kind: x })}
                    allowDeselect={false}
                  />
                  {d.kind === 'wrong_product' ? (
                    <TextInput
                      label={t('supply.deliveredProduct')}
                      value={d.product}
                      onChange={(e) => setDisc(i, { product: e.currentTarget.value })}
                    />
                  ) : (
                    <Select
                      label={t('supply.line')}
                      data={order.orderLines.map((l) => ({ value: String(l.line), label: `${l.line} — ${l.product}` }))}
                      value={d.line || null}
                      onChange={(x) => setDisc(i, { line: x ?? '' })}
                      error={bad.has('line') ? t('form.required') : undefined}
                    />
                  )}
                  <TextInput
                    label={t('stock.quantity')}
                    inputMode="numeric"
                    value={d.quantity}
                    onChange={(e) => setDisc(i, { quantity: e.currentTarget.value })}
                    error={bad.has('quantity') ? t('form.quantity') : undefined}
                  />
                  <TextInput
                    label={t('supply.reason')}
                    value={d.reason}
                    maxLength={500}
                    onChange={(e) => setDisc(i, { reason: e.currentTarget.value })}
                    error={bad.has('reason') ? t('form.required') : undefined}
                  />
                </SimpleGrid>
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  mt="xs"
                  onClick={() =>
                    form.set(
                      'discrepancies',
                      v.discrepancies.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t('supply.removeDiscrepancy', { n: i + 1 })}
                </Button>
              </Fieldset>
            );
          })}
          <Group>
            <Button
              variant="default"
              onClick={() =>
                form.set('discrepancies', [
                  ...v.discrepancies,
                  { kind: 'short', line: '', product: '', quantity: '', reason: '' },
                ])
              }
            >
              {t('supply.addDiscrepancy')}
            </Button>
          </Group>
          {quantityError && (
            <Text c="red" size="sm" role="alert">
              {t('supply.nothingEntered')}
            </Text>
          )}
          <ErrorAlert error={form.error} />
          <Group>
            <Button type="submit" loading={form.busy} data-testid="reception-submit">
              {t('supply.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** One reception: its lines with their quality check and put-away state, the discrepancies, and the two actions. */
function ReceptionCard({ order, reception: r, canManage }: { order: Order; reception: ReceptionViewT; canManage: boolean }) {
  const { t } = useTranslation('reserves');
  const pending = r.lines.filter((l) => l.pending > 0);
  const toStore = r.lines.filter((l) => l.toPutAway > 0);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`rec-${r.number}`} data-testid={`reception-${r.number}`}>
      <Title order={3} size="h4" id={`rec-${r.number}`}>
        {r.number} · {formatDate(r.receivedAt, true)}
        {r.deliveryNote ? ` · ${t('supply.deliveryNote')} ${r.deliveryNote}` : ''}
      </Title>
      <div className="reserves-scroll" style={{ overflowX: 'auto' }} tabIndex={0} role="group" aria-label={r.number}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('supply.line')}</Table.Th>
              <Table.Th scope="col">{t('stock.product')}</Table.Th>
              <Table.Th scope="col">{t('stock.lot')}</Table.Th>
              <Table.Th scope="col">{t('supply.receivedQty')}</Table.Th>
              <Table.Th scope="col">{t('supply.accepted')}</Table.Th>
              <Table.Th scope="col">{t('supply.rejected')}</Table.Th>
              <Table.Th scope="col">{t('supply.putAway')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.lines.map((l) => (
              <Table.Tr key={l.line}>
                <Table.Td>{l.line}</Table.Td>
                <Table.Td>{l.product}</Table.Td>
                <Table.Td>
                  {l.lot ?? l.serial ?? '—'}
                  {l.expiresOn ? ` (${formatDate(l.expiresOn)})` : ''}
                </Table.Td>
                <Table.Td>{fmt(l.quantity)}</Table.Td>
                <Table.Td>{fmt(l.accepted)}</Table.Td>
                <Table.Td>{fmt(l.rejected)}</Table.Td>
                <Table.Td>{fmt(l.putAway)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {r.discrepancies.length > 0 && (
        <Stack gap={2} mt="xs">
          <Text fw={600} size="sm">
            {t('supply.discrepanciesTitle')}
          </Text>
          {r.discrepancies.map((d, i) => (
            <Text size="sm" key={i}>
              {t(`supply.discrepancies.${d.kind}`)} · {d.line ? `${t('supply.line')} ${d.line} · ` : ''}
              {d.product ?? ''} · {fmt(d.quantity)} — {d.reason}
            </Text>
          ))}
        </Stack>
      )}
      {canManage && pending.length > 0 && <QualityForm order={order} reception={r} />}
      {canManage && toStore.length > 0 && <PutAwayForm order={order} reception={r} />}
    </Paper>
  );
}

function QualityForm({ order, reception: r }: { order: Order; reception: ReceptionViewT }) {
  const { t } = useTranslation('reserves');
  const pending = r.lines.filter((l) => l.pending > 0);
  const [state, setState] = useState<Record<number, { accepted: number | ''; rejected: number | ''; reason: string }>>({});
  const [disposition, setDisposition] = useState<string>('return_to_supplier');
  const [missing, setMissing] = useState<Set<number>>(new Set());
  const qc = useOrderMutation<{ path: string; body: unknown }>(order, () => setState({}));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const lines = pending
      .map((l) => ({ l, s: state[l.line] ?? { accepted: '', rejected: '', reason: '' } }))
      .filter(({ s }) => s.accepted !== '' || s.rejected !== '')
      .map(({ l, s }) => ({
        line: l.line,
        accepted: s.accepted === '' ? 0 : s.accepted,
        rejected: s.rejected === '' ? 0 : s.rejected,
        ...(s.reason.trim() ? { reason: s.reason.trim() } : {}),
      }));
    const bad = new Set(lines.filter((x) => x.rejected > 0 && !x.reason).map((x) => x.line));
    setMissing(bad);
    if (bad.size || !lines.length) return;
    qc.mutate({ path: `receptions/${encodeURIComponent(r.number)}/quality`, body: { disposition, lines } });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('supply.qualityOf', { number: r.number })} data-testid={`qc-${r.number}`}>
      <Fieldset legend={t('supply.quality')} mt="sm">
        <Stack gap="xs">
          {pending.map((l) => {
            const s = state[l.line] ?? { accepted: '', rejected: '', reason: '' };
            const set = (c: Partial<typeof s>) => setState((p) => ({ ...p, [l.line]: { ...s, ...c } }));
            return (
              <SimpleGrid key={l.line} cols={{ base: 1, sm: 3 }}>
                <NumberInput
                  label={t('supply.acceptedOf', { n: l.line, pending: l.pending })}
                  value={s.accepted}
                  onChange={(x) => set({ accepted: typeof x === 'number' ? x : '' })}
                  min={0}
                  max={l.pending}
                  allowDecimal={false}
                  allowNegative={false}
                  data-testid={`qc-accepted-${l.line}`}
                />
                <NumberInput
                  label={t('supply.rejectedOf', { n: l.line })}
                  value={s.rejected}
                  onChange={(x) => set({ rejected: typeof x === 'number' ? x : '' })}
                  min={0}
                  max={l.pending}
                  allowDecimal={false}
                  allowNegative={false}
                />
                <TextInput
                  label={t('supply.rejectReason', { n: l.line })}
                  value={s.reason}
                  maxLength={500}
                  onChange={(e) => set({ reason: e.currentTarget.value })}
                  error={missing.has(l.line) ? t('form.required') : undefined}
                />
              </SimpleGrid>
            );
          })}
          <Select
            label={t('supply.disposition')}
            data={REJECT_DISPOSITIONS.map((d) => ({ value: d, label: t(`supply.dispositions.${d}`) }))}
            value={disposition}
            onChange={(x) => x && setDisposition(x)}
            allowDeselect={false}
          />
          <ErrorAlert error={qc.error} />
          <Group>
            <Button type="submit" loading={qc.isPending} data-testid={`qc-submit-${r.number}`}>
              {t('supply.recordQuality')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}

function PutAwayForm({ order, reception: r }: { order: Order; reception: ReceptionViewT }) {
  const { t } = useTranslation('reserves');
  const platforms = usePlatforms();
  const bins = (platforms.data?.items ?? [])
    .flatMap((p) => p.warehouses)
    .find((w) => w.code === r.warehouse)
    ?.bins.filter((b) => b.code !== RECEIVING_BIN)
    .map((b) => ({ value: b.code, label: `${b.code} (${t('supply.zone')} ${b.zone})` }));
  const toStore = r.lines.filter((l) => l.toPutAway > 0);
  const [state, setState] = useState<Record<number, { quantity: number | ''; bin: string }>>({});
  const put = useOrderMutation<{ path: string; body: unknown }>(order, () => setState({}));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const lines = toStore
      .map((l) => ({ l, s: state[l.line] ?? { quantity: l.toPutAway, bin: '' } }))
      .filter(({ s }) => s.bin && s.quantity !== '' && s.quantity > 0)
      .map(({ l, s }) => ({ line: l.line, quantity: Number(s.quantity), bin: s.bin }));
    if (lines.length) put.mutate({ path: `receptions/${encodeURIComponent(r.number)}/put-away`, body: { lines } });
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t('supply.putAwayOf', { number: r.number })}
      data-testid={`putaway-${r.number}`}
    >
      <Fieldset legend={t('supply.putAwayTitle')} mt="sm">
        <Stack gap="xs">
          {toStore.map((l) => {
            const s = state[l.line] ?? { quantity: l.toPutAway, bin: '' };
            const set = (c: Partial<typeof s>) => setState((p) => ({ ...p, [l.line]: { ...s, ...c } }));
            return (
              <SimpleGrid key={l.line} cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label={t('supply.putAwayQty', { n: l.line, max: l.toPutAway })}
                  value={s.quantity}
                  onChange={(x) => set({ quantity: typeof x === 'number' ? x : '' })}
                  min={1}
                  max={l.toPutAway}
                  allowDecimal={false}
                  allowNegative={false}
                />
                <Select
                  label={t('supply.bin', { n: l.line })}
                  data={bins ?? []}
                  value={s.bin || null}
                  onChange={(x) => set({ bin: x ?? '' })}
                  data-testid={`putaway-bin-${l.line}`}
                />
              </SimpleGrid>
            );
          })}
          <ErrorAlert error={put.error} />
          <Group>
            <Button type="submit" loading={put.isPending} data-testid={`putaway-submit-${r.number}`}>
              {t('supply.recordPutAway')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
