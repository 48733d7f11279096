import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Fieldset,
  Group,
  List,
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
import { api } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/ErrorAlert';
import { formatDate } from '../../../web/dates';
import { currentLang } from '../../../web/i18n';
import { holds, useMe } from '../../../web/session';
import { PageHeader } from '../../../web/shell/PageHeader';
import { CATEGORIES, PERM, type StockItemT } from '../contract';
import {
  CreateDispatch,
  FileRequest,
  RecordDelivery,
  Distribute,
  type CrisisViewT,
  type DispatchViewT,
  type RequestViewT,
} from '../crises/shapes';
import { BASE, fmt, nameOf, qs, useIdempotencyKey, useLiveUpdates, usePlatforms, useProducts, type Page } from './common';

const URGENCIES = ['critical', 'high', 'medium', 'low'] as const;

function orgName(o: { nameFr: string; nameAr: string; code: string }) {
  return `${currentLang() === 'ar' ? o.nameAr : o.nameFr} (${o.code})`;
}

function useWrite<T>(path: string) {
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  return useMutation({
    mutationFn: (body: unknown) => api<T>('POST', path, body, { headers: { 'idempotency-key': keyFor(body) } }),
    onSuccess: async () => {
      // Done: the next write of this form, even with the same body, is a new one.
      keyFor({ done: Date.now() });
      await client.invalidateQueries({ queryKey: ['reserves'] });
    },
  });
}

function issuesOf(r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }, t: (k: string) => string) {
  const out: Record<string, string> = {};
  if (!r.success) for (const i of r.error!.issues) out[i.path.map(String).join('.')] ??= t('form.invalid');
  return out;
}

// ---------------------------------------------------------------- requests

interface ReqLine {
  key: number;
  what: string;
  quantity: number | '';
  households: number | '';
}

function FileRequestForm({ crisis }: { crisis: CrisisViewT }) {
  const { t } = useTranslation('reserves');
  const products = useProducts();
  // The first province with communes declared (a request is usually for a commune).
  const [territory, setTerritory] = useState(
    crisis.provinces.find((p) => crisis.communes.some((c) => c.province === p.code))?.code ?? crisis.provinces[0]?.code ?? '',
  );
  const [commune, setCommune] = useState('');
  const [urgency, setUrgency] = useState<string>('high');
  const [people, setPeople] = useState<number | ''>(0);
  const [households, setHouseholds] = useState<number | ''>(0);
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<ReqLine[]>([{ key: 0, what: '', quantity: '', households: 0 }]);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const save = useWrite<RequestViewT>(`/reserves/crises/${crisis.number}/requests`);
  const whatOptions = [
    { group: t('requests.categories'), items: CATEGORIES.map((c) => ({ value: `cat:${c}`, label: t(`categories.${c}`) })) },
    {
      group: t('requests.products'),
      items: (products.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.code} — ${nameOf(p)}` })),
    },
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      territory,
      ...(commune ? { commune } : {}),
      urgency,
      peopleAffected: Number(people || 0),
      households: Number(households || 0),
      ...(note.trim() ? { note: note.trim() } : {}),
      lines: lines.map((l) => ({
        ...(l.what.startsWith('cat:') ? { category: l.what.slice(4) } : l.what ? { product: l.what } : {}),
        quantity: Number(l.quantity || 0),
        households: Number(l.households || 0),
      })),
    };
    const r = FileRequest.safeParse(body);
    const found = issuesOf(r, t);
    lines.forEach((l, i) => {
      if (!l.what) found[`lines.${i}.what`] = t('form.required');
    });
    setIssues(found);
    if (Object.keys(found).length) return;
    save.mutate(r.data, {
      onSuccess: () => {
        setLines([{ key: Date.now(), what: '', quantity: '', households: 0 }]);
        setNote('');
      },
    });
  };
  const set = (i: number, c: Partial<ReqLine>) => setLines((p) => p.map((l, j) => (j === i ? { ...l, ...c } : l)));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="file-request-title">
      <Title order={3} size="h5" id="file-request-title" mb="sm">
        {t('requests.file')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="request-form">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('requests.territory')}
              data={crisis.provinces.map((p) => ({ value: p.code, label: orgName(p) }))}
              value={territory}
              onChange={(v) => {
                setTerritory(v ?? '');
                setCommune('');
              }}
              allowDeselect={false}
              required
              error={issues.territory}
            />
            <Select
              label={t('requests.commune')}
              data={crisis.communes.filter((c) => c.province === territory).map((c) => ({ value: c.code, label: orgName(c) }))}
              value={commune || null}
              onChange={(v) => setCommune(v ?? '')}
              clearable
              searchable
              placeholder={t('none')}
            />
            <Select
              label={t('requests.urgency')}
              data={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
              value={urgency}
              onChange={(v) => v && setUrgency(v)}
              allowDeselect={false}
              required
            />
            <NumberInput
              label={t('crises.people')}
              value={people}
              onChange={(v) => setPeople(v === '' ? '' : Number(v))}
              min={0}
              allowDecimal={false}
              error={issues.peopleAffected}
            />
            <NumberInput
              label={t('requests.households')}
              value={households}
              onChange={(v) => setHouseholds(v === '' ? '' : Number(v))}
              min={0}
              allowDecimal={false}
              error={issues.households}
            />
            <TextInput
              label={t('requests.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={2000}
            />
          </SimpleGrid>
          {lines.map((l, i) => (
            <Fieldset key={l.key} legend={t('movements.line', { n: i + 1 })}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={t('requests.what')}
                  data={whatOptions}
                  value={l.what || null}
                  onChange={(v) => set(i, { what: v ?? '' })}
                  searchable
                  required
                  limit={80}
                  error={issues[`lines.${i}.what`]}
                  data-testid={`request-line-${i}-what`}
                />
                <NumberInput
                  label={t('stock.quantity')}
                  value={l.quantity}
                  onChange={(v) => set(i, { quantity: v === '' ? '' : Number(v) })}
                  min={1}
                  allowDecimal={false}
                  required
                  error={issues[`lines.${i}.quantity`]}
                  data-testid={`request-line-${i}-quantity`}
                />
                <NumberInput
                  label={t('requests.households')}
                  value={l.households}
                  onChange={(v) => set(i, { households: v === '' ? '' : Number(v) })}
                  min={0}
                  allowDecimal={false}
                />
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
              onClick={() => setLines((p) => [...p, { key: Date.now(), what: '', quantity: '', households: 0 }])}
            >
              {t('movements.addLine')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="request-submit">
              {t('requests.submit')}
            </Button>
          </Group>
          <ErrorAlert error={save.error} />
        </Stack>
      </form>
    </Paper>
  );
}

function RequestsTable({ requests }: { requests: RequestViewT[] }) {
  const { t } = useTranslation('reserves');
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing={4} data-testid="requests-table">
        <Table.Caption className="sr-only">{t('requests.title')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('requests.number')}</Table.Th>
            <Table.Th scope="col">{t('requests.territory')}</Table.Th>
            <Table.Th scope="col">{t('requests.urgency')}</Table.Th>
            <Table.Th scope="col">{t('requests.lines')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row">
                {r.number}
                <Text size="xs" c="dimmed">
                  {t(`status.${r.status}`)} · {formatDate(r.filedAt)}
                </Text>
              </Table.Th>
              <Table.Td>{r.commune ? orgName(r.commune) : orgName(r.territory)}</Table.Td>
              <Table.Td>{t(`urgency.${r.urgency}`)}</Table.Td>
              <Table.Td>
                {r.lines.map((l) => (
                  <Text size="xs" key={l.line}>
                    {l.product ?? t(`categories.${l.category}`)} :{' '}
                    {t('requests.progress', {
                      quantity: fmt(l.quantity),
                      reserved: fmt(l.reserved),
                      dispatched: fmt(l.dispatched),
                      delivered: fmt(l.delivered),
                    })}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

// ---------------------------------------------------------------- allocation

interface RunLine {
  line: number;
  product: string | null;
  category: string | null;
  requested: number;
  heldAfter: number;
  dispatched: number;
  shortfall: number;
  lostToPreemption: number;
  reason: string;
}
interface RunRequest {
  request: string;
  crisis: string;
  province: string;
  rank: number;
  of: number;
  score: number;
  scoreExplained: string;
  lines: RunLine[];
}
interface Run {
  id: string;
  number: string;
  ruleVersion: string;
  createdAt: string;
  resultHash: string;
  requests: RunRequest[];
}

function RunResult({ run, crisis }: { run: Run; crisis: string }) {
  const { t } = useTranslation('reserves');
  const mine = run.requests.filter((r) => r.crisis === crisis);
  const replay = useMutation({
    mutationFn: () =>
      api<{ identical: boolean; replayHash: string; resultHash: string }>(
        'POST',
        `/reserves/allocation-runs/${run.number}/replay`,
        {},
      ),
  });
  return (
    <Stack gap="xs" data-testid="allocation-result">
      <Text size="sm">
        {t('allocation.runInfo', {
          number: run.number,
          rule: run.ruleVersion,
          at: formatDate(run.createdAt, true),
          count: run.requests.length,
        })}
      </Text>
      {mine.length === 0 && <Text size="sm">{t('allocation.noneForCrisis')}</Text>}
      {mine.map((r) => (
        <Paper key={r.request} withBorder p="sm">
          <Text fw={700}>{t('allocation.rank', { request: r.request, rank: r.rank, of: r.of, score: r.score.toFixed(2) })}</Text>
          <Text size="sm" c="dimmed">
            {r.scoreExplained}
          </Text>
          <List size="sm" mt={4}>
            {r.lines.map((l) => (
              <List.Item key={l.line}>
                <strong>
                  {l.product ?? t(`categories.${l.category}`)} —{' '}
                  {t('allocation.got', { held: fmt(l.heldAfter + l.dispatched), requested: fmt(l.requested) })}
                </strong>{' '}
                {l.reason}
              </List.Item>
            ))}
          </List>
        </Paper>
      ))}
      <Group>
        <Button variant="default" onClick={() => replay.mutate()} loading={replay.isPending} data-testid="allocation-replay">
          {t('allocation.replay')}
        </Button>
        <div aria-live="polite">
          {replay.data && (
            <Text size="sm" data-testid="replay-result">
              {replay.data.identical
                ? t('allocation.identical', { hash: replay.data.resultHash.slice(0, 12) })
                : t('allocation.different')}
            </Text>
          )}
        </div>
      </Group>
      <ErrorAlert error={replay.error} />
    </Stack>
  );
}

function Allocation({ crisis }: { crisis: string }) {
  const { t } = useTranslation('reserves');
  const runs = useQuery({
    queryKey: ['reserves', 'runs'],
    queryFn: () => api<Page<{ id: string; number: string }>>('GET', '/reserves/allocation-runs?pageSize=10'),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const current = chosen ?? runs.data?.items[0]?.number ?? null;
  const run = useQuery({
    queryKey: ['reserves', 'run', current],
    enabled: !!current,
    queryFn: () => api<Run>('GET', `/reserves/allocation-runs/${current}`),
  });
  const start = useWrite<Run>('/reserves/allocation-runs');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="allocation-title">
      <Title order={2} size="h4" id="allocation-title" mb="sm">
        {t('allocation.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('allocation.hint')}
      </Text>
      <Group mb="sm">
        <Button
          onClick={() => start.mutate({ allowPreemption: true }, { onSuccess: (r) => setChosen(r.number) })}
          loading={start.isPending}
          data-testid="allocation-run"
        >
          {t('allocation.run')}
        </Button>
        {(runs.data?.items.length ?? 0) > 1 && (
          <Select
            label={t('allocation.runs')}
            data={runs.data!.items.map((r) => r.number)}
            value={current}
            onChange={(v) => setChosen(v)}
            allowDeselect={false}
          />
        )}
      </Group>
      <ErrorAlert error={start.error ?? runs.error ?? run.error} />
      {run.data && <RunResult run={run.data} crisis={crisis} />}
    </Paper>
  );
}

// ---------------------------------------------------------------- dispatch

interface DLine {
  key: string;
  platform: string;
  warehouse: string;
  product: string;
  quantity: number;
  requestLine: number;
}

function DispatchForm({ request, crisis }: { request: RequestViewT; crisis: CrisisViewT }) {
  const { t } = useTranslation('reserves');
  const platforms = usePlatforms();
  const reservations = request.lines.flatMap((l) =>
    l.reservations.filter((r) => r.quantity > 0).map((r) => ({ ...r, requestLine: l.line })),
  );
  // The warehouse of each reserved platform that holds most of the product.
  const best = useQuery({
    queryKey: ['reserves', 'dispatch-stock', request.number, reservations.map((r) => `${r.platform}:${r.product}`).join(',')],
    enabled: reservations.length > 0,
    queryFn: async () => {
      const out: Record<string, string> = {};
      for (const r of reservations) {
        const s = await api<Page<StockItemT>>(
          'GET',
          `/reserves/stock${qs({ platform: r.platform, product: r.product, pageSize: 100 })}`,
        );
        const by = new Map<string, number>();
        for (const x of s.items) by.set(x.warehouse, (by.get(x.warehouse) ?? 0) + x.quantity);
        out[`${r.platform}:${r.product}`] = [...by.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
      }
      return out;
    },
  });
  const [edits, setEdits] = useState<Record<string, Partial<DLine>>>({});
  const lines: DLine[] = reservations.map((r) => {
    const key = `${r.requestLine}:${r.platform}:${r.product}`;
    return {
      key,
      platform: r.platform,
      warehouse: best.data?.[`${r.platform}:${r.product}`] ?? '',
      product: r.product,
      quantity: r.quantity,
      requestLine: r.requestLine,
      ...edits[key],
    };
  });
  const [vehicle, setVehicle] = useState('');
  const [driver, setDriver] = useState('');
  const [phone, setPhone] = useState('');
  const [destination, setDestination] = useState(request.commune?.code ?? request.territory.code);
  const [expected, setExpected] = useState(() => {
    const d = new Date(Date.now() + 6 * 3600_000);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  });
  const [issues, setIssues] = useState<Record<string, string>>({});
  const save = useWrite<{ items: DispatchViewT[] }>('/reserves/dispatches');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      request: request.number,
      destination,
      vehicle: vehicle.trim(),
      driver: driver.trim(),
      ...(phone.trim() ? { driverPhone: phone.trim() } : {}),
      expectedAt: expected ? new Date(expected).toISOString() : '',
      lines: lines
        .filter((l) => l.quantity > 0)
        .map((l) => ({ warehouse: l.warehouse, product: l.product, quantity: l.quantity, requestLine: l.requestLine })),
    };
    const r = CreateDispatch.safeParse(body);
    const found = issuesOf(r, t);
    setIssues(found);
    if (!r.success) return;
    save.mutate(r.data);
  };
  if (!reservations.length) return <Text size="sm">{t('dispatch.nothingReserved', { request: request.number })}</Text>;
  const destinations = [
    { value: request.territory.code, label: orgName(request.territory) },
    ...crisis.communes.filter((c) => c.province === request.territory.code).map((c) => ({ value: c.code, label: orgName(c) })),
  ];
  return (
    <form onSubmit={submit} noValidate data-testid={`dispatch-form-${request.number}`}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('dispatch.from', { request: request.number })}
        </Title>
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing={4}>
            <Table.Caption className="sr-only">{t('dispatch.lines')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('stock.product')}</Table.Th>
                <Table.Th scope="col">{t('stock.warehouse')}</Table.Th>
                <Table.Th scope="col">{t('stock.quantity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l, i) => (
                <Table.Tr key={l.key}>
                  <Table.Th scope="row">{l.product}</Table.Th>
                  <Table.Td>
                    <Select
                      aria-label={t('dispatch.warehouseOf', { product: l.product })}
                      data={(platforms.data?.items.find((p) => p.code === l.platform)?.warehouses ?? []).map((w) => w.code)}
                      value={l.warehouse || null}
                      onChange={(v) => setEdits((p) => ({ ...p, [l.key]: { ...p[l.key], warehouse: v ?? '' } }))}
                      error={issues[`lines.${i}.warehouse`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('dispatch.quantityOf', { product: l.product })}
                      value={l.quantity}
                      min={0}
                      allowDecimal={false}
                      onChange={(v) => setEdits((p) => ({ ...p, [l.key]: { ...p[l.key], quantity: Number(v || 0) } }))}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Select
            label={t('dispatch.destination')}
            data={destinations}
            value={destination}
            onChange={(v) => v && setDestination(v)}
            allowDeselect={false}
            searchable
          />
          <TextInput
            label={t('dispatch.vehicle')}
            value={vehicle}
            onChange={(e) => setVehicle(e.currentTarget.value)}
            maxLength={64}
            required
            error={issues.vehicle}
            data-testid="dispatch-vehicle"
          />
          <TextInput
            label={t('dispatch.driver')}
            value={driver}
            onChange={(e) => setDriver(e.currentTarget.value)}
            maxLength={120}
            required
            error={issues.driver}
            data-testid="dispatch-driver"
          />
          <TextInput
            label={t('dispatch.phone')}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            maxLength={20}
            type="tel"
            error={issues.driverPhone}
          />
          <TextInput
            label={t('dispatch.expectedAt')}
            type="datetime-local"
            value={expected}
            onChange={(e) => setExpected(e.currentTarget.value)}
            required
            error={issues.expectedAt}
          />
        </SimpleGrid>
        <ErrorAlert error={save.error} />
        <div>
          <Button type="submit" loading={save.isPending} data-testid="dispatch-submit">
            {t('dispatch.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

function DeliveryForm({ d }: { d: DispatchViewT }) {
  const { t } = useTranslation('reserves');
  const [receivedBy, setReceivedBy] = useState('');
  const [note, setNote] = useState('');
  const [got, setGot] = useState<Record<number, { received: number; damaged: number; lost: number; reason: string }>>({});
  const [issues, setIssues] = useState<Record<string, string>>({});
  const save = useWrite<DispatchViewT>(`/reserves/dispatches/${d.number}/delivery`);
  const val = (line: number, qty: number) => got[line] ?? { received: qty, damaged: 0, lost: 0, reason: '' };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      receivedBy: receivedBy.trim(),
      ...(note.trim() ? { note: note.trim() } : {}),
      lines: d.lines.map((l) => {
        const v = val(l.line, l.quantity);
        return {
          line: l.line,
          received: v.received,
          damaged: v.damaged,
          lost: v.lost,
          ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
        };
      }),
    };
    const r = RecordDelivery.safeParse(body);
    const found = issuesOf(r, t);
    setIssues(found);
    if (!r.success) return;
    save.mutate(r.data);
  };
  const set = (line: number, qty: number, c: Partial<{ received: number; damaged: number; lost: number; reason: string }>) =>
    setGot((p) => ({ ...p, [line]: { ...val(line, qty), ...c } }));
  return (
    <form onSubmit={submit} noValidate data-testid={`delivery-form-${d.number}`}>
      <Stack gap="xs">
        <Title order={3} size="h6">
          {t('delivery.title', { number: d.number })}
        </Title>
        <TextInput
          label={t('delivery.receivedBy')}
          value={receivedBy}
          onChange={(e) => setReceivedBy(e.currentTarget.value)}
          maxLength={200}
          required
          error={issues.receivedBy}
          data-testid="delivery-received-by"
        />
        {d.lines.map((l) => {
          const v = val(l.line, l.quantity);
          return (
            <Fieldset
              key={l.line}
              legend={`${l.product}${l.lot ? ` · ${l.lot}` : ''} — ${t('delivery.sent', { quantity: fmt(l.quantity) })}`}
            >
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                <NumberInput
                  label={t('delivery.received')}
                  value={v.received}
                  min={0}
                  allowDecimal={false}
                  onChange={(x) => set(l.line, l.quantity, { received: Number(x || 0) })}
                />
                <NumberInput
                  label={t('delivery.damaged')}
                  value={v.damaged}
                  min={0}
                  allowDecimal={false}
                  onChange={(x) => set(l.line, l.quantity, { damaged: Number(x || 0) })}
                />
                <NumberInput
                  label={t('delivery.lost')}
                  value={v.lost}
                  min={0}
                  allowDecimal={false}
                  onChange={(x) => set(l.line, l.quantity, { lost: Number(x || 0) })}
                />
                <TextInput
                  label={t('delivery.reason')}
                  value={v.reason}
                  maxLength={500}
                  onChange={(e) => set(l.line, l.quantity, { reason: e.currentTarget.value })}
                />
              </SimpleGrid>
            </Fieldset>
          );
        })}
        <TextInput label={t('requests.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} />
        <ErrorAlert error={save.error} />
        <div>
          <Button type="submit" loading={save.isPending} data-testid="delivery-submit">
            {t('delivery.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

function DistributionForm({ d, crisis }: { d: DispatchViewT; crisis: CrisisViewT }) {
  const { t } = useTranslation('reserves');
  const communes = crisis.communes.filter((c) => c.code === d.destination.code || c.province === d.destination.code);
  const [line, setLine] = useState(String(d.lines[0]?.line ?? 1));
  const [commune, setCommune] = useState(
    communes.some((c) => c.code === d.destination.code) ? d.destination.code : (communes[0]?.code ?? ''),
  );
  const [quantity, setQuantity] = useState<number | ''>('');
  const [households, setHouseholds] = useState<number | ''>('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const save = useWrite<{ count: number }>(`/reserves/deliveries/${d.delivery!.id}/distributions`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      items: [{ line: Number(line), commune, quantity: Number(quantity || 0), households: Number(households || 0) }],
    };
    const r = Distribute.safeParse(body);
    const found = issuesOf(r, t);
    setIssues(found);
    if (!r.success) return;
    save.mutate(r.data, {
      onSuccess: () => {
        setQuantity('');
        setHouseholds('');
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate data-testid={`distribution-form-${d.number}`}>
      <Stack gap="xs">
        <Title order={3} size="h6">
          {t('distribution.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <Select
            label={t('distribution.line')}
            data={d.lines.map((l) => ({ value: String(l.line), label: `${l.line}. ${l.product}${l.lot ? ` · ${l.lot}` : ''}` }))}
            value={line}
            onChange={(v) => v && setLine(v)}
            allowDeselect={false}
          />
          <Select
            label={t('requests.commune')}
            data={communes.map((c) => ({ value: c.code, label: orgName(c) }))}
            value={commune || null}
            onChange={(v) => setCommune(v ?? '')}
            searchable
            error={issues['items.0.commune']}
          />
          <NumberInput
            label={t('stock.quantity')}
            value={quantity}
            min={1}
            allowDecimal={false}
            onChange={(v) => setQuantity(v === '' ? '' : Number(v))}
            error={issues['items.0.quantity']}
            data-testid="distribution-quantity"
          />
          <NumberInput
            label={t('requests.households')}
            value={households}
            min={0}
            allowDecimal={false}
            onChange={(v) => setHouseholds(v === '' ? '' : Number(v))}
            error={issues['items.0.households']}
            data-testid="distribution-households"
          />
        </SimpleGrid>
        <ErrorAlert error={save.error} />
        {save.isSuccess && (
          <Text size="sm" role="status">
            {t('distribution.saved')}
          </Text>
        )}
        <div>
          <Button type="submit" variant="default" loading={save.isPending} data-testid="distribution-submit">
            {t('distribution.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

function Dispatches({ crisis, requests }: { crisis: CrisisViewT; requests: RequestViewT[] }) {
  const { t } = useTranslation('reserves');
  const { data: me } = useMe();
  const list = useQuery({
    queryKey: ['reserves', 'dispatches', crisis.number],
    queryFn: () => api<Page<DispatchViewT>>('GET', '/reserves/dispatches?pageSize=200'),
  });
  const mine = (list.data?.items ?? []).filter((d) => d.crisis === crisis.number);
  const canDispatch = holds(me, PERM.dispatch);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="dispatch-title">
      <Title order={2} size="h4" id="dispatch-title" mb="sm">
        {t('dispatch.title')}
      </Title>
      <ErrorAlert error={list.error} />
      {mine.length === 0 && <Text size="sm">{t('dispatch.none')}</Text>}
      <Stack>
        {mine.map((d) => (
          <Paper key={d.id} withBorder p="sm" data-testid={`dispatch-${d.number}`}>
            <Group justify="space-between" wrap="wrap">
              <Text fw={700}>
                {d.number} · {d.platform} → {orgName(d.destination)}
              </Text>
              <Badge variant="default">{t(`status.${d.status}`)}</Badge>
            </Group>
            <Text size="sm">
              {t('dispatch.summary', {
                vehicle: d.vehicle,
                driver: d.driver,
                at: formatDate(d.dispatchedAt, true),
                expected: formatDate(d.expectedAt, true),
              })}
            </Text>
            <List size="sm">
              {d.lines.map((l) => (
                <List.Item key={l.line}>
                  {l.product}
                  {l.lot && (
                    <>
                      {' · '}
                      <Anchor
                        component={Link}
                        to={`${BASE}/trace?product=${encodeURIComponent(l.product)}&lot=${encodeURIComponent(l.lot)}`}
                      >
                        {t('trace.lotLink', { lot: l.lot })}
                      </Anchor>
                    </>
                  )}{' '}
                  : {fmt(l.quantity)}
                  {l.received != null ? ` (${t('delivery.receivedShort', { quantity: fmt(l.received) })})` : ''}
                </List.Item>
              ))}
            </List>
            <Group gap="md" mt="xs">
              <Anchor
                href={`/api/v1/reserves/dispatches/${encodeURIComponent(d.number)}/waybill.pdf`}
                target="_blank"
                rel="noopener"
                data-testid="waybill-link"
              >
                {t('dispatch.waybill', { number: d.number })}
              </Anchor>
              {d.delivery && (
                <Anchor component={Link} to={`${BASE}/trace?delivery=${d.delivery.id}`}>
                  {t('trace.origin')}
                </Anchor>
              )}
            </Group>
            {canDispatch && d.status === 'in_transit' && <DeliveryForm d={d} />}
            {canDispatch && d.delivery && <DistributionForm d={d} crisis={crisis} />}
          </Paper>
        ))}
      </Stack>
      {canDispatch && (
        <Stack mt="md">
          <Select
            label={t('dispatch.chooseRequest')}
            data={requests
              .filter((r) => r.status === 'open')
              .map((r) => ({ value: r.number, label: `${r.number} — ${orgName(r.commune ?? r.territory)}` }))}
            value={open}
            onChange={setOpen}
            clearable
            data-testid="dispatch-request"
          />
          {open && requests.find((r) => r.number === open) && (
            <DispatchForm key={open} request={requests.find((r) => r.number === open)!} crisis={crisis} />
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** A crisis: its territories, requests (and filing one), allocation runs with their reasons, dispatches, deliveries and distributions. */
export function CrisisPage() {
  const { t } = useTranslation('reserves');
  useLiveUpdates();
  const { number = '' } = useParams();
  const { data: me } = useMe();
  const crisis = useQuery({
    queryKey: ['reserves', 'crisis', number],
    queryFn: () => api<CrisisViewT>('GET', `/reserves/crises/${encodeURIComponent(number)}`),
  });
  const requests = useQuery({
    queryKey: ['reserves', 'requests', number],
    queryFn: () => api<Page<RequestViewT>>('GET', `/reserves/requests${qs({ crisis: number, pageSize: 200 })}`),
  });
  const c = crisis.data;
  const provinces = useMemo(() => c?.provinces.map(orgName).join(', ') ?? '', [c]);
  return (
    <Stack>
      <PageHeader
        title={c ? `${c.number} — ${c.title}` : number}
        crumbs={[
          { label: t('dashboard.title'), to: BASE },
          { label: t('crises.title'), to: `${BASE}/crises` },
          { label: number },
        ]}
      />
      <ErrorAlert error={crisis.error} />
      {c && (
        <>
          <Paper withBorder p="md">
            <dl className="facts">
              <dt>{t('crises.kind')}</dt>
              <dd>{t(`kinds.${c.kind}`)}</dd>
              <dt>{t('crises.severity')}</dt>
              <dd>{c.severity} / 5</dd>
              <dt>{t('crises.people')}</dt>
              <dd>{fmt(c.peopleAffected)}</dd>
              <dt>{t('crises.status')}</dt>
              <dd>{t(`status.${c.status}`)}</dd>
              <dt>{t('crises.provinces')}</dt>
              <dd>{provinces}</dd>
              <dt>{t('crises.communes')}</dt>
              <dd>{t('crises.communeCount', { count: c.communes.length })}</dd>
            </dl>
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="requests-title">
            <Title order={2} size="h4" id="requests-title" mb="sm">
              {t('requests.title')}
            </Title>
            <ErrorAlert error={requests.error} />
            {requests.data && requests.data.items.length === 0 && <Text size="sm">{t('requests.none')}</Text>}
            {requests.data && requests.data.items.length > 0 && <RequestsTable requests={requests.data.items} />}
            {c.status === 'active' && holds(me, PERM.requestsFile) && (
              <div style={{ marginBlockStart: 'var(--mantine-spacing-md)' }}>
                <FileRequestForm crisis={c} />
              </div>
            )}
          </Paper>
          {holds(me, PERM.allocate) && <Allocation crisis={c.number} />}
          {c.status === 'active' && requests.data && <Dispatches crisis={c} requests={requests.data.items} />}
          {c.status !== 'active' && <Alert>{t('crises.closedNote')}</Alert>}
        </>
      )}
    </Stack>
  );
}
