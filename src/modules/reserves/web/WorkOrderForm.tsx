import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import './reserves.css';
import { api } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/ErrorAlert';
import { formatDate } from '../../../web/dates';
import { useMe } from '../../../web/session';
import { PageHeader } from '../../../web/shell/PageHeader';
import {
  MAINT_PERM,
  WO_KINDS,
  WO_OUTCOMES,
  WO_PRIORITIES,
  type EquipmentDetailT,
  type WorkOrderViewT,
} from '../maintenance/contract';
import { BASE, fmt, nameOf, useProducts } from './common';

/** Opening a work order on a unit: corrective (the fault found) or preventive (one of the unit's plans). */
export function NewWorkOrderPage() {
  const { t } = useTranslation('reserves');
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [serial, setSerial] = useState(search.get('serial') ?? '');
  const [kind, setKind] = useState<(typeof WO_KINDS)[number]>('corrective');
  const [plan, setPlan] = useState<string | null>(null);
  const [fault, setFault] = useState('');
  const [priority, setPriority] = useState<string>('normal');
  const [assignee, setAssignee] = useState('');
  const [immobilising, setImmobilising] = useState(true);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const unit = useQuery({
    queryKey: ['reserves', 'equipment', 'unit', serial],
    enabled: serial.trim().length > 0,
    queryFn: () => api<EquipmentDetailT>('GET', `/reserves/equipment/${encodeURIComponent(serial.trim())}`),
    retry: false,
  });
  const save = useMutation({
    mutationFn: (body: unknown) => api<WorkOrderViewT>('POST', '/reserves/work-orders', body),
    onSuccess: async (wo) => {
      await client.invalidateQueries({ queryKey: ['reserves', 'equipment'] });
      void navigate(`${BASE}/work-orders/${encodeURIComponent(wo.number)}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!serial.trim()) found.serial = t('form.required');
    if (kind === 'preventive' && !plan) found.plan = t('form.required');
    if (kind === 'corrective' && !fault.trim()) found.fault = t('form.required');
    setIssues(found);
    if (Object.keys(found).length) {
      document.getElementById(`wo-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    save.mutate({
      kind,
      serial: serial.trim(),
      priority,
      immobilising,
      ...(kind === 'preventive' ? { plan } : { fault: fault.trim() }),
      ...(assignee.trim() ? { assignee: assignee.trim() } : {}),
    });
  };
  return (
    <Stack>
      <PageHeader
        title={t('maintenance.newOrder')}
        crumbs={[
          { label: t('dashboard.title'), to: BASE },
          { label: t('maintenance.title'), to: `${BASE}/equipment` },
          { label: t('maintenance.newOrder') },
        ]}
      />
      <Paper withBorder p="md" component="form" onSubmit={submit} noValidate data-testid="work-order-form">
        <Stack>
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              id="wo-serial"
              label={t('maintenance.serial')}
              value={serial}
              onChange={(e) => setSerial(e.currentTarget.value)}
              error={issues.serial ?? (unit.error ? t('maintenance.unknownUnit') : undefined)}
              description={unit.data ? `${unit.data.productName} · ${unit.data.warehouse}` : undefined}
              maxLength={64}
              required
            />
            <Select
              id="wo-kind"
              label={t('maintenance.kindLabel')}
              data={WO_KINDS.map((k) => ({ value: k, label: t(`maintenance.kind.${k}`) }))}
              value={kind}
              onChange={(v) => {
                const k = (v ?? 'corrective') as (typeof WO_KINDS)[number];
                setKind(k);
                setImmobilising(k === 'corrective');
              }}
              allowDeselect={false}
            />
            {kind === 'preventive' ? (
              <Select
                id="wo-plan"
                label={t('maintenance.plan')}
                data={(unit.data?.planDues ?? []).map((p) => ({ value: p.code, label: `${p.code} — ${p.title}` }))}
                value={plan}
                onChange={setPlan}
                error={issues.plan}
                required
              />
            ) : (
              <Textarea
                id="wo-fault"
                label={t('maintenance.fault')}
                value={fault}
                onChange={(e) => setFault(e.currentTarget.value)}
                error={issues.fault}
                maxLength={2000}
                autosize
                minRows={2}
                required
              />
            )}
            <Select
              label={t('maintenance.priorityLabel')}
              data={WO_PRIORITIES.map((p) => ({ value: p, label: t(`maintenance.priority.${p}`) }))}
              value={priority}
              onChange={(v) => setPriority(v ?? 'normal')}
              allowDeselect={false}
            />
            <TextInput
              label={t('maintenance.assignee')}
              value={assignee}
              onChange={(e) => setAssignee(e.currentTarget.value)}
              maxLength={200}
            />
            <Switch
              label={t('maintenance.immobilising')}
              checked={immobilising}
              onChange={(e) => setImmobilising(e.currentTarget.checked)}
              mt="lg"
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('maintenance.open')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

interface PartLine {
  product: string | null;
  description: string;
  quantity: number | string;
}

/** A work order: its state, parts, and the start / close / cancel actions. */
export function WorkOrderPage() {
  const { t } = useTranslation('reserves');
  const { number = '' } = useParams();
  const { data: me } = useMe();
  const canManage = !!me?.permissions.includes(MAINT_PERM.manage) || !!me?.permissions.includes('*');
  const client = useQueryClient();
  const products = useProducts();
  const key = ['reserves', 'work-orders', number];
  const order = useQuery({
    queryKey: key,
    queryFn: () => api<WorkOrderViewT>('GET', `/reserves/work-orders/${encodeURIComponent(number)}`),
  });
  const done = (wo: WorkOrderViewT) => {
    client.setQueryData(key, wo);
    void client.invalidateQueries({ queryKey: ['reserves', 'equipment'] });
  };
  const start = useMutation({
    mutationFn: () => api<WorkOrderViewT>('POST', `/reserves/work-orders/${encodeURIComponent(number)}/start`, {}),
    onSuccess: done,
  });
  const [cancelReason, setCancelReason] = useState('');
  const cancel = useMutation({
    mutationFn: () =>
      api<WorkOrderViewT>('POST', `/reserves/work-orders/${encodeURIComponent(number)}/cancel`, { reason: cancelReason.trim() }),
    onSuccess: done,
  });
  const [workDone, setWorkDone] = useState('');
  const [hours, setHours] = useState<number | string>('');
  const [outcome, setOutcome] = useState<string>('ready');
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const [parts, setParts] = useState<PartLine[]>([]);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const close = useMutation({
    mutationFn: (body: unknown) => api<WorkOrderViewT>('POST', `/reserves/work-orders/${encodeURIComponent(number)}/close`, body),
    onSuccess: done,
  });
  const plan = useQuery({
    queryKey: ['reserves', 'equipment', 'unit', order.data?.serial],
    enabled: !!order.data?.plan,
    queryFn: () => api<EquipmentDetailT>('GET', `/reserves/equipment/${encodeURIComponent(order.data!.serial)}`),
  });
  const checklist = plan.data?.planDues.find((p) => p.code === order.data?.plan)?.checklist ?? [];
  const stockProducts = (products.data?.items ?? [])
    .filter((p) => !p.serialTracked)
    .map((p) => ({ value: p.code, label: `${p.code} — ${nameOf(p)}` }));

  const submitClose = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!workDone.trim()) found.workDone = t('form.required');
    parts.forEach((p, i) => {
      if (!p.product && !p.description.trim()) found[`parts.${i}.product`] = t('form.required');
      if (!(Number(p.quantity) >= 1)) found[`parts.${i}.quantity`] = t('form.quantity');
    });
    if (hours !== '' && Number(hours) < 0) found.hours = t('form.quantity');
    setIssues(found);
    if (Object.keys(found).length) {
      document.getElementById(`wo-${Object.keys(found)[0]!.replace(/\./g, '-')}`)?.focus();
      return;
    }
    close.mutate({
      workDone: workDone.trim(),
      outcome,
      ...(hours !== '' ? { hours: Number(hours) } : {}),
      ...(checklist.length ? { checklist: checklist.map((item) => ({ item, done: !!checked[item] })) } : {}),
      parts: parts.map((p) => ({
        ...(p.product ? { product: p.product } : { description: p.description.trim() }),
        quantity: Number(p.quantity),
      })),
    });
  };

  const o = order.data;
  const open = o && (o.status === 'open' || o.status === 'in_progress');
  return (
    <Stack>
      <PageHeader
        title={t('maintenance.orderTitle', { number })}
        crumbs={[
          { label: t('dashboard.title'), to: BASE },
          { label: t('maintenance.title'), to: `${BASE}/equipment` },
          ...(o ? [{ label: o.serial, to: `${BASE}/equipment/${encodeURIComponent(o.serial)}` }] : []),
          { label: number },
        ]}
      />
      <ErrorAlert error={order.error ?? start.error ?? cancel.error ?? close.error} />
      {o && (
        <>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <div>
                <Text size="sm" c="dimmed">
                  {t('maintenance.statusLabel')}
                </Text>
                <Badge variant="light" data-testid="wo-status">
                  {t(`maintenance.woStatus.${o.status}`)}
                </Badge>
              </div>
              <div>
                <Text size="sm" c="dimmed">
                  {t('maintenance.kindLabel')}
                </Text>
                <Text>
                  {t(`maintenance.kind.${o.kind}`)} · {t(`maintenance.priority.${o.priority}`)}
                </Text>
              </div>
              <div>
                <Text size="sm" c="dimmed">
                  {t('maintenance.serial')}
                </Text>
                <Link to={`${BASE}/equipment/${encodeURIComponent(o.serial)}`} className="reserves-code">
                  {o.serial}
                </Link>{' '}
                <Text size="xs" c="dimmed" component="span">
                  {o.productName}
                </Text>
              </div>
              <div>
                <Text size="sm" c="dimmed">
                  {o.kind === 'corrective' ? t('maintenance.fault') : t('maintenance.plan')}
                </Text>
                <Text>{o.fault ?? o.planTitle}</Text>
              </div>
              <div>
                <Text size="sm" c="dimmed">
                  {t('maintenance.assignee')}
                </Text>
                <Text>{o.assignee ?? '—'}</Text>
              </div>
              <div>
                <Text size="sm" c="dimmed">
                  {t('maintenance.openedAt')}
                </Text>
                <Text>{formatDate(o.openedAt, true)}</Text>
              </div>
              {o.workDone && (
                <div>
                  <Text size="sm" c="dimmed">
                    {t('maintenance.workDone')}
                  </Text>
                  <Text>{o.workDone}</Text>
                </div>
              )}
              {o.performedAt && (
                <div>
                  <Text size="sm" c="dimmed">
                    {t('maintenance.performedAt')}
                  </Text>
                  <Text>
                    {formatDate(o.performedAt, true)}
                    {o.hoursAt !== null ? ` · ${fmt(o.hoursAt)} h` : ''}
                  </Text>
                </div>
              )}
            </SimpleGrid>
          </Paper>
          {o.parts.length > 0 && (
            <Paper withBorder p="md" component="section" aria-labelledby="parts-title">
              <Title order={2} size="h4" id="parts-title" mb="xs">
                {t('maintenance.parts')}
              </Title>
              <Table verticalSpacing={4} data-testid="wo-parts">
                <Table.Caption className="sr-only">{t('maintenance.parts')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('maintenance.part')}</Table.Th>
                    <Table.Th>{t('stock.quantity')}</Table.Th>
                    <Table.Th className="hide-phone">{t('stock.warehouse')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {o.parts.map((p, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{p.product ? `${p.product} — ${p.productName}` : p.description}</Table.Td>
                      <Table.Td>{fmt(p.quantity)}</Table.Td>
                      <Table.Td className="hide-phone">{p.warehouse ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
          {canManage && open && (
            <>
              {o.status === 'open' && (
                <Group>
                  <Button variant="light" onClick={() => start.mutate()} loading={start.isPending}>
                    {t('maintenance.start')}
                  </Button>
                </Group>
              )}
              <Paper withBorder p="md" component="form" onSubmit={submitClose} noValidate aria-labelledby="close-title">
                <Title order={2} size="h4" id="close-title" mb="xs">
                  {t('maintenance.close')}
                </Title>
                <Stack>
                  <Textarea
                    id="wo-workDone"
                    label={t('maintenance.workDone')}
                    value={workDone}
                    onChange={(e) => setWorkDone(e.currentTarget.value)}
                    error={issues.workDone}
                    maxLength={4000}
                    autosize
                    minRows={2}
                    required
                  />
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <NumberInput
                      id="wo-hours"
                      label={t('maintenance.hours')}
                      min={0}
                      max={1_000_000}
                      allowDecimal={false}
                      allowNegative={false}
                      value={hours}
                      onChange={setHours}
                      error={issues.hours}
                    />
                    <Select
                      label={t('maintenance.outcomeLabel')}
                      data={WO_OUTCOMES.map((k) => ({ value: k, label: t(`maintenance.outcome.${k}`) }))}
                      value={outcome}
                      onChange={(v) => setOutcome(v ?? 'ready')}
                      allowDeselect={false}
                    />
                  </SimpleGrid>
                  {checklist.length > 0 && (
                    <Fieldset legend={t('maintenance.checklist')}>
                      <Stack gap={6}>
                        {checklist.map((item) => (
                          <Checkbox
                            key={item}
                            label={item}
                            checked={!!checked[item]}
                            onChange={(e) => setChecked((c) => ({ ...c, [item]: e.currentTarget.checked }))}
                          />
                        ))}
                      </Stack>
                    </Fieldset>
                  )}
                  <Fieldset legend={t('maintenance.parts')}>
                    <Stack gap="xs">
                      {parts.map((p, i) => (
                        <SimpleGrid key={i} cols={{ base: 1, sm: 4 }}>
                          <Select
                            id={`wo-parts-${i}-product`}
                            label={t('maintenance.stockPart')}
                            data={stockProducts}
                            value={p.product}
                            onChange={(v) => setParts((ps) => ps.map((x, j) => (j === i ? { ...x, product: v } : x)))}
                            searchable
                            clearable
                            limit={60}
                            error={issues[`parts.${i}.product`]}
                          />
                          <TextInput
                            label={t('maintenance.otherPart')}
                            value={p.description}
                            disabled={!!p.product}
                            onChange={(e) => {
                              const v = e.currentTarget.value;
                              setParts((ps) => ps.map((x, j) => (j === i ? { ...x, description: v } : x)));
                            }}
                            maxLength={200}
                          />
                          <NumberInput
                            id={`wo-parts-${i}-quantity`}
                            label={t('stock.quantity')}
                            min={1}
                            allowDecimal={false}
                            allowNegative={false}
                            value={p.quantity}
                            onChange={(v) => setParts((ps) => ps.map((x, j) => (j === i ? { ...x, quantity: v } : x)))}
                            error={issues[`parts.${i}.quantity`]}
                          />
                          <Button
                            variant="subtle"
                            color="red"
                            mt="lg"
                            onClick={() => setParts((ps) => ps.filter((_, j) => j !== i))}
                            aria-label={t('maintenance.removePart', { line: i + 1 })}
                          >
                            {t('maintenance.remove')}
                          </Button>
                        </SimpleGrid>
                      ))}
                      <Group>
                        <Button
                          variant="light"
                          size="xs"
                          onClick={() => setParts((ps) => [...ps, { product: null, description: '', quantity: 1 }])}
                        >
                          {t('maintenance.addPart')}
                        </Button>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {t('maintenance.partsHelp')}
                      </Text>
                    </Stack>
                  </Fieldset>
                  <Group>
                    <Button type="submit" loading={close.isPending} data-testid="wo-close">
                      {t('maintenance.closeButton')}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
              <Paper withBorder p="md" aria-labelledby="cancel-title">
                <Title order={2} size="h5" id="cancel-title" mb="xs">
                  {t('maintenance.cancel')}
                </Title>
                <Group align="flex-end">
                  <TextInput
                    label={t('maintenance.reason')}
                    value={cancelReason}
                    onChange={(e) => setCancelReason(e.currentTarget.value)}
                    maxLength={500}
                  />
                  <Button
                    color="red"
                    variant="subtle"
                    disabled={!cancelReason.trim()}
                    onClick={() => cancel.mutate()}
                    loading={cancel.isPending}
                  >
                    {t('maintenance.cancelButton')}
                  </Button>
                </Group>
              </Paper>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
