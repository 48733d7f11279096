import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import './reserves.css';
import { api } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/ErrorAlert';
import { formatDate } from '../../../web/dates';
import { useMe } from '../../../web/session';
import { PageHeader } from '../../../web/shell/PageHeader';
import { MAINT_PERM, type EquipmentDetailT } from '../maintenance/contract';
import { BASE, fmt } from './common';
import { UnitStatusBadges } from './EquipmentPage';

/** One equipment unit: readiness, the due date of each maintenance plan, work orders, meter and out-of-service actions. */
export function EquipmentUnitPage() {
  const { t } = useTranslation('reserves');
  const { serial = '' } = useParams();
  const { data: me } = useMe();
  const canManage = !!me?.permissions.includes(MAINT_PERM.manage) || !!me?.permissions.includes('*');
  const client = useQueryClient();
  const key = ['reserves', 'equipment', 'unit', serial];
  const unit = useQuery({
    queryKey: key,
    queryFn: () => api<EquipmentDetailT>('GET', `/reserves/equipment/${encodeURIComponent(serial)}`),
  });
  const refresh = (data: EquipmentDetailT) => {
    client.setQueryData(key, data);
    void client.invalidateQueries({ queryKey: ['reserves', 'equipment'], exact: false });
  };
  const [hours, setHours] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const meter = useMutation({
    mutationFn: (h: number) =>
      api<EquipmentDetailT>('POST', `/reserves/equipment/${encodeURIComponent(serial)}/hours`, { hours: h }),
    onSuccess: (d) => {
      setHours('');
      refresh(d);
    },
  });
  const status = useMutation({
    mutationFn: (outOfService: boolean) =>
      api<EquipmentDetailT>('POST', `/reserves/equipment/${encodeURIComponent(serial)}/status`, {
        outOfService,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
    onSuccess: (d) => {
      setReason('');
      refresh(d);
    },
  });
  const u = unit.data;
  const submitHours = (e: FormEvent) => {
    e.preventDefault();
    if (hours === '' || Number(hours) < 0) return;
    meter.mutate(Number(hours));
  };

  return (
    <Stack>
      <PageHeader
        title={t('maintenance.unitTitle', { serial })}
        crumbs={[
          { label: t('dashboard.title'), to: BASE },
          { label: t('maintenance.title'), to: `${BASE}/equipment` },
          { label: serial },
        ]}
      >
        {canManage && u && u.status !== 'deployed' && (
          <Button
            component={Link}
            to={`${BASE}/work-orders/new?serial=${encodeURIComponent(serial)}`}
            data-testid="new-work-order"
          >
            {t('maintenance.newOrder')}
          </Button>
        )}
      </PageHeader>
      <ErrorAlert error={unit.error ?? meter.error ?? status.error} />
      {u && (
        <>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <div>
                <Text size="sm" c="dimmed">
                  {t('stock.product')}
                </Text>
                <Text>
                  <span className="reserves-code">{u.product}</span> — {u.productName}
                </Text>
              </div>
              <div>
                <Text size="sm" c="dimmed">
                  {t('stock.warehouse')}
                </Text>
                <Text className="reserves-code">{u.warehouse}</Text>
              </div>
              <div>
                <Text size="sm" c="dimmed">
                  {t('maintenance.statusLabel')}
                </Text>
                <UnitStatusBadges u={u} />
                {u.outOfServiceReason && (
                  <Text size="sm" mt={4}>
                    {u.outOfServiceReason}
                  </Text>
                )}
              </div>
              <div>
                <Text size="sm" c="dimmed">
                  {t('maintenance.readyLabel')}
                </Text>
                <Text fw={700} data-testid="unit-ready">
                  {u.readyToDeploy ? t('maintenance.yes') : t('maintenance.no')}
                </Text>
              </div>
              <div>
                <Text size="sm" c="dimmed">
                  {t('maintenance.nextDue')}
                </Text>
                <Text>{u.nextDueOn ? formatDate(u.nextDueOn) : '—'}</Text>
              </div>
              <div>
                <Text size="sm" c="dimmed">
                  {t('maintenance.hours')}
                </Text>
                <Text>
                  {fmt(u.hours)}
                  {u.hoursReadAt ? ` (${formatDate(u.hoursReadAt)})` : ''}
                </Text>
              </div>
            </SimpleGrid>
          </Paper>

          {canManage && u.status !== 'deployed' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Paper withBorder p="md" component="form" onSubmit={submitHours} aria-labelledby="meter-title">
                <Title order={2} size="h5" id="meter-title" mb="xs">
                  {t('maintenance.meterTitle')}
                </Title>
                <Group align="flex-end">
                  <NumberInput
                    label={t('maintenance.hours')}
                    min={u.hours}
                    max={1_000_000}
                    allowDecimal={false}
                    allowNegative={false}
                    value={hours}
                    onChange={setHours}
                    required
                  />
                  <Button type="submit" loading={meter.isPending}>
                    {t('maintenance.save')}
                  </Button>
                </Group>
              </Paper>
              <Paper withBorder p="md" aria-labelledby="oos-title">
                <Title order={2} size="h5" id="oos-title" mb="xs">
                  {t('maintenance.serviceTitle')}
                </Title>
                {u.status === 'out_of_service' ? (
                  <Button variant="light" onClick={() => status.mutate(false)} loading={status.isPending}>
                    {t('maintenance.backInService')}
                  </Button>
                ) : (
                  <Group align="flex-end">
                    <TextInput
                      label={t('maintenance.reason')}
                      value={reason}
                      onChange={(e) => setReason(e.currentTarget.value)}
                      maxLength={500}
                      required
                    />
                    <Button
                      color="red"
                      variant="light"
                      disabled={!reason.trim()}
                      onClick={() => status.mutate(true)}
                      loading={status.isPending}
                    >
                      {t('maintenance.outOfService')}
                    </Button>
                  </Group>
                )}
              </Paper>
            </SimpleGrid>
          )}

          <Paper withBorder p="md" component="section" aria-labelledby="plans-title">
            <Title order={2} size="h4" id="plans-title" mb="xs">
              {t('maintenance.plans')}
            </Title>
            {u.planDues.length === 0 ? (
              <Text>{t('maintenance.noPlan')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={0}>
                <Table verticalSpacing={4} data-testid="plan-dues">
                  <Table.Caption className="sr-only">{t('maintenance.plans')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('maintenance.plan')}</Table.Th>
                      <Table.Th>{t('maintenance.interval')}</Table.Th>
                      <Table.Th className="hide-phone">{t('maintenance.lastDone')}</Table.Th>
                      <Table.Th>{t('maintenance.due')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {u.planDues.map((p) => (
                      <Table.Tr key={p.code}>
                        <Table.Td>
                          {p.title}
                          <Text size="xs" c="dimmed" display="block" component="span">
                            {p.code} · {t(`maintenance.scope.${p.scope}`)} · {p.checklist.join(', ')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {[
                            p.intervalDays ? t('maintenance.everyDays', { n: fmt(p.intervalDays) }) : null,
                            p.intervalHours ? t('maintenance.everyHours', { n: fmt(p.intervalHours) }) : null,
                          ]
                            .filter(Boolean)
                            .join(' / ')}
                        </Table.Td>
                        <Table.Td className="hide-phone">
                          {p.lastDoneAt ? formatDate(p.lastDoneAt) : '—'}
                          {p.lastDoneHours !== null ? ` · ${fmt(p.lastDoneHours)} h` : ''}
                        </Table.Td>
                        <Table.Td>
                          {[p.dueOn ? formatDate(p.dueOn) : null, p.dueHours !== null ? `${fmt(p.dueHours)} h` : null]
                            .filter(Boolean)
                            .join(' / ')}{' '}
                          {p.overdue && (
                            <Badge color="red" variant="outline">
                              {t('maintenance.overdue')}
                            </Badge>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="orders-title">
            <Title order={2} size="h4" id="orders-title" mb="xs">
              {t('maintenance.orders')}
            </Title>
            {u.workOrders.length === 0 ? (
              <Text>{t('maintenance.noOrder')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={0}>
                <Table verticalSpacing={4} data-testid="unit-orders">
                  <Table.Caption className="sr-only">{t('maintenance.orders')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('maintenance.number')}</Table.Th>
                      <Table.Th>{t('maintenance.kindLabel')}</Table.Th>
                      <Table.Th>{t('maintenance.statusLabel')}</Table.Th>
                      <Table.Th className="hide-phone">{t('maintenance.performedAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {u.workOrders.map((o) => (
                      <Table.Tr key={o.number}>
                        <Table.Td>
                          <Link to={`${BASE}/work-orders/${encodeURIComponent(o.number)}`} className="reserves-code">
                            {o.number}
                          </Link>
                          <Text size="xs" c="dimmed" display="block" component="span">
                            {o.fault ?? o.planTitle ?? ''}
                          </Text>
                        </Table.Td>
                        <Table.Td>{t(`maintenance.kind.${o.kind}`)}</Table.Td>
                        <Table.Td>{t(`maintenance.woStatus.${o.status}`)}</Table.Td>
                        <Table.Td className="hide-phone">
                          {o.performedAt ? formatDate(o.performedAt) : formatDate(o.openedAt)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
