import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import './reserves.css';
import { api } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/ErrorAlert';
import { formatDate } from '../../../web/dates';
import { useMe } from '../../../web/session';
import { PageHeader } from '../../../web/shell/PageHeader';
import { SUBSCRIBABLE_EVENTS, type DeliveryViewT, type WebhookViewT } from '../exchange/contract';
import { BASE, fmt, nameOf, usePlatforms, visiblePlatforms, type Page } from './common';

const DELIVERY_COLOR: Record<string, string> = { pending: 'blue', delivered: 'green', failed: 'red' };

function DeliveryLog({ sub }: { sub: WebhookViewT }) {
  const { t } = useTranslation('reserves');
  const log = useQuery({
    queryKey: ['reserves', 'webhooks', sub.id, 'deliveries'],
    queryFn: () => api<Page<DeliveryViewT>>('GET', `/reserves/webhooks/${sub.id}/deliveries?pageSize=50`),
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === 'pending') ? 2000 : false),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="webhook-log-title">
      <Title order={2} size="h4" id="webhook-log-title" mb="xs">
        {t('exchange.webhooks.log', { name: sub.name })}
      </Title>
      <ErrorAlert error={log.error} />
      {log.data?.items.length === 0 && <Text size="sm">{t('exchange.webhooks.noDelivery')}</Text>}
      {!!log.data?.items.length && (
        <div style={{ overflowX: 'auto' }} tabIndex={0} role="group" aria-labelledby="webhook-log-title">
          <Table verticalSpacing={4} data-testid="webhook-deliveries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('exchange.webhooks.date')}</Table.Th>
                <Table.Th scope="col">{t('exchange.webhooks.event')}</Table.Th>
                <Table.Th scope="col">{t('exchange.webhooks.status')}</Table.Th>
                <Table.Th scope="col">{t('exchange.webhooks.attempts')}</Table.Th>
                <Table.Th scope="col">{t('exchange.webhooks.lastCode')}</Table.Th>
                <Table.Th scope="col">{t('exchange.webhooks.lastError')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{formatDate(d.lastAttemptAt ?? d.createdAt, true)}</Table.Td>
                  <Table.Td>
                    <Code>{d.event}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={DELIVERY_COLOR[d.status]}>{t(`exchange.webhooks.deliveryStatus.${d.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{fmt(d.attempts)}</Table.Td>
                  <Table.Td>{d.lastStatusCode ?? '—'}</Table.Td>
                  <Table.Td>{d.lastError ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}

/** Partner webhooks: subscriptions of the caller's platforms, the secret shown once, delivery log, test event. */
export function WebhooksPage() {
  const { t } = useTranslation('reserves');
  const client = useQueryClient();
  const { data: me } = useMe();
  const platforms = usePlatforms();
  const visible = useMemo(() => visiblePlatforms(me, platforms.data?.items ?? []), [me, platforms.data]);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('https://');
  const [events, setEvents] = useState<string[]>(['movement.posted']);
  const [chosen, setChosen] = useState<string[]>([]);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const subs = useQuery({
    queryKey: ['reserves', 'webhooks'],
    queryFn: () => api<Page<WebhookViewT>>('GET', '/reserves/webhooks'),
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['reserves', 'webhooks'] });
  const create = useMutation({
    mutationFn: () =>
      api<WebhookViewT & { secret: string }>('POST', '/reserves/webhooks', {
        name: name.trim(),
        url: url.trim(),
        events,
        platforms: chosen.length ? chosen : visible.length === 1 ? [visible[0]!.code] : [],
      }),
    onSuccess: (s) => {
      setSecret({ name: s.name, value: s.secret });
      setName('');
      setUrl('https://');
      setSelected(s.id);
      refresh();
    },
  });
  const rotate = useMutation({
    mutationFn: (id: string) =>
      api<WebhookViewT & { secret: string }>('POST', `/reserves/webhooks/${id}/rotate-secret`, { keepPreviousHours: 24 }),
    onSuccess: (s) => {
      setSecret({ name: s.name, value: s.secret });
      setSelected(s.id);
      refresh();
    },
  });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'test' | 'disable' | 'enable' | 'delete' }) =>
      action === 'delete' ? api('DELETE', `/reserves/webhooks/${id}`) : api('POST', `/reserves/webhooks/${id}/${action}`),
    onSuccess: (_d, v) => {
      if (v.action === 'delete' && selected === v.id) setSelected(null);
      else setSelected(v.id);
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const current = subs.data?.items.find((s) => s.id === selected) ?? null;
  return (
    <Stack>
      <PageHeader
        title={t('exchange.webhooks.title')}
        crumbs={[{ label: t('dashboard.title'), to: BASE }, { label: t('exchange.webhooks.title') }]}
      />
      <Text size="sm">{t('exchange.webhooks.intro')}</Text>
      {secret && (
        <Alert color="yellow" title={t('exchange.webhooks.secretTitle', { name: secret.name })} data-testid="webhook-secret">
          <Stack gap="xs">
            <Text size="sm">{t('exchange.webhooks.secretOnce')}</Text>
            <Code block dir="ltr">
              {secret.value}
            </Code>
            <Group>
              <CopyButton value={secret.value}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t('exchange.webhooks.copied') : t('exchange.webhooks.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button size="xs" variant="subtle" onClick={() => setSecret(null)}>
                {t('exchange.webhooks.secretStored')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="webhook-new-title">
        <Stack>
          <Title order={2} size="h4" id="webhook-new-title">
            {t('exchange.webhooks.new')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('exchange.webhooks.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('exchange.webhooks.url')}
              description={t('exchange.webhooks.urlHelp')}
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              type="url"
              dir="ltr"
              required
            />
          </SimpleGrid>
          <Checkbox.Group label={t('exchange.webhooks.events')} value={events} onChange={setEvents} required>
            <Group mt={4}>
              {SUBSCRIBABLE_EVENTS.map((e) => (
                <Checkbox
                  key={e}
                  value={e}
                  label={t(`exchange.webhooks.eventNames.${e.replace('.', '_')}`)}
                  // The global `input` rule (44 px touch height, padding) would stretch Mantine's box.
                  styles={{ input: { minBlockSize: 0, padding: 0 } }}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <MultiSelect
            label={t('exchange.webhooks.platforms')}
            data={visible.map((p) => ({ value: p.code, label: `${p.code} — ${nameOf(p)}` }))}
            value={chosen.length ? chosen : visible.length === 1 ? [visible[0]!.code] : []}
            onChange={setChosen}
            searchable
          />
          <ErrorAlert error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending} disabled={!events.length} data-testid="webhook-create">
              {t('exchange.webhooks.create')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="webhook-list-title">
        <Title order={2} size="h4" id="webhook-list-title" mb="xs">
          {t('exchange.webhooks.list')}
        </Title>
        <ErrorAlert error={subs.error ?? act.error ?? rotate.error} />
        {subs.data?.items.length === 0 && <Text size="sm">{t('exchange.webhooks.none')}</Text>}
        {!!subs.data?.items.length && (
          <div style={{ overflowX: 'auto' }} tabIndex={0} role="group" aria-labelledby="webhook-list-title">
            <Table verticalSpacing={6} data-testid="webhook-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('exchange.webhooks.name')}</Table.Th>
                  <Table.Th scope="col">{t('exchange.webhooks.url')}</Table.Th>
                  <Table.Th scope="col">{t('exchange.webhooks.platforms')}</Table.Th>
                  <Table.Th scope="col">{t('exchange.webhooks.deliveries')}</Table.Th>
                  <Table.Th scope="col">{t('exchange.webhooks.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {subs.data.items.map((s) => (
                  <Table.Tr key={s.id} aria-current={s.id === selected ? 'true' : undefined}>
                    <Table.Th scope="row">
                      {s.name}{' '}
                      {!s.active && (
                        <Badge color="gray" size="sm">
                          {t('exchange.webhooks.disabled')}
                        </Badge>
                      )}
                      {s.previousSecretUntil && (
                        <Text size="xs" c="dimmed" data-testid="webhook-previous-secret">
                          {t('exchange.webhooks.previousUntil', { date: formatDate(s.previousSecretUntil, true) })}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {s.events
                          .map((e) => t(`exchange.webhooks.eventNames.${e.replace('.', '_')}`, { defaultValue: e }))
                          .join(', ')}
                      </Text>
                    </Table.Th>
                    <Table.Td dir="ltr" style={{ wordBreak: 'break-all' }}>
                      {s.url}
                    </Table.Td>
                    <Table.Td>{s.platforms.join(', ')}</Table.Td>
                    <Table.Td>
                      {t('exchange.webhooks.counts', {
                        delivered: fmt(s.deliveries.delivered),
                        pending: fmt(s.deliveries.pending),
                        failed: fmt(s.deliveries.failed),
                      })}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="wrap">
                        <Button size="compact-xs" variant="light" onClick={() => setSelected(s.id)}>
                          {t('exchange.webhooks.showLog')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="light"
                          disabled={!s.active}
                          onClick={() => act.mutate({ id: s.id, action: 'test' })}
                        >
                          {t('exchange.webhooks.test')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => act.mutate({ id: s.id, action: s.active ? 'disable' : 'enable' })}
                        >
                          {s.active ? t('exchange.webhooks.disable') : t('exchange.webhooks.enable')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="light"
                          loading={rotate.isPending && rotate.variables === s.id}
                          onClick={() => {
                            if (window.confirm(t('exchange.webhooks.confirmRotate', { name: s.name }))) rotate.mutate(s.id);
                          }}
                        >
                          {t('exchange.webhooks.rotate')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="red"
                          onClick={() => {
                            if (window.confirm(t('exchange.webhooks.confirmDelete', { name: s.name })))
                              act.mutate({ id: s.id, action: 'delete' });
                          }}
                        >
                          {t('exchange.webhooks.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Paper>
      {current && <DeliveryLog sub={current} />}
    </Stack>
  );
}
