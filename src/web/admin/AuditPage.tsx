import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Code, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { api } from '../api';
import './admin.css';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate, TIME_ZONE } from '../dates';
import { DataTable, useListParams } from '../shell/DataTable';
import { PageHeader } from '../shell/PageHeader';
import { qs, type AuditEntry, type Page } from './common';

/** Minutes east of UTC of Africa/Casablanca at `utcMs`. */
function zoneOffsetMinutes(utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(utcMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return (Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute')) - utcMs) / 60_000;
}

/**
 * The UTC instant of midnight in Casablanca on `day` (YYYY-MM-DD), plus `addDays`: what the API
 * expects for a period chosen on screen in Moroccan dates. Null for an invalid date.
 */
export function casablancaMidnightUtc(day: string, addDays = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + addDays);
  if (Number.isNaN(guess)) return null;
  let utc = guess - zoneOffsetMinutes(guess) * 60_000;
  utc = guess - zoneOffsetMinutes(utc) * 60_000;
  return new Date(utc).toISOString();
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return '∅';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** An entry's before/after, one line per changed field. */
function Diff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('admin');
  const changes = Object.entries(entry.changes ?? {});
  return (
    <Stack gap="sm">
      <dl className="facts">
        <dt>{t('audit.when')}</dt>
        <dd>{formatDate(entry.occurredAt, true)}</dd>
        <dt>{t('audit.who')}</dt>
        <dd>{entry.actorName ?? t(`audit.actorKinds.${entry.actorKind}`, { defaultValue: entry.actorKind })}</dd>
        <dt>{t('audit.action')}</dt>
        <dd>
          <code>{entry.action}</code>
        </dd>
        <dt>{t('audit.entity')}</dt>
        <dd>
          <code>
            {entry.entityType}
            {entry.entityId ? ` ${entry.entityId}` : ''}
          </code>
        </dd>
        <dt>{t('audit.org')}</dt>
        <dd>{entry.orgCode ?? '—'}</dd>
        <dt>{t('audit.seq')}</dt>
        <dd>{entry.seq}</dd>
      </dl>
      {changes.length === 0 ? (
        <Text size="sm">{t('audit.noChanges')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table withTableBorder verticalSpacing={4} data-testid="audit-diff">
            <Table.Caption className="sr-only">{t('audit.changes')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.field')}</Table.Th>
                <Table.Th scope="col">{t('audit.before')}</Table.Th>
                <Table.Th scope="col">{t('audit.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map(([field, c]) => (
                <Table.Tr key={field}>
                  <Table.Th scope="row">
                    <code>{field}</code>
                  </Table.Th>
                  <Table.Td className="diff-before">{'before' in c ? <del>{show(c.before)}</del> : '—'}</Table.Td>
                  <Table.Td className="diff-after">{'after' in c ? <ins>{show(c.after)}</ins> : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {entry.meta && Object.keys(entry.meta).length > 0 && <Code block>{JSON.stringify(entry.meta, null, 2)}</Code>}
    </Stack>
  );
}

interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: string };
}

/** The chain check (`/audit/verify`), with a progress bar while the server recomputes the hashes. */
function ChainCheck() {
  const { t } = useTranslation('admin');
  const verify = useMutation({ mutationFn: () => api<VerifyResult>('GET', '/audit/verify') });
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!verify.isPending) return;
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Math.round((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [verify.isPending]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="audit-chain-title">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Title order={2} size="h4" id="audit-chain-title">
            {t('audit.chainTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('audit.chainHint')}
          </Text>
        </div>
        <Button onClick={() => verify.mutate()} loading={verify.isPending} variant="default" data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      </Group>
      <div aria-live="polite">
        {verify.isPending && (
          <Stack gap={4} mt="sm" role="status">
            <Progress value={100} animated striped aria-label={t('audit.verifying')} />
            <Text size="sm">{t('audit.verifyingFor', { seconds: elapsed })}</Text>
          </Stack>
        )}
        {verify.data &&
          (verify.data.ok ? (
            <Alert color="green" mt="sm" data-testid="audit-verify-result">
              {t('audit.chainOk', { count: verify.data.checked })}
            </Alert>
          ) : (
            <Alert color="red" mt="sm" data-testid="audit-verify-result">
              {t('audit.chainBroken', {
                count: verify.data.checked,
                seq: verify.data.firstBroken?.seq,
                reason: t(`audit.reasons.${verify.data.firstBroken?.reason ?? 'hash'}`),
              })}
            </Alert>
          ))}
      </div>
      <ErrorAlert error={verify.error} />
    </Paper>
  );
}

/** The audit trail: filters who, what, organisation and period (Moroccan dates), paginated, each entry's changes as a diff. */
export function AuditPage() {
  const { t } = useTranslation('admin');
  const defaults = { who: '', action: '', entityType: '', org: '', from: '', to: '', page: '1' };
  const [params, setParams] = useListParams(defaults);
  const [typed, setTyped] = useState(params);
  const [debounced] = useDebouncedValue(typed, 400);
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const entryTitle = useRef<HTMLHeadingElement>(null);
  // The opened entry is shown below the list: move the focus to it (keyboard and screen-reader users).
  useEffect(() => {
    if (open) entryTitle.current?.focus();
  }, [open]);
  useEffect(() => {
    const { page: _page, ...filters } = debounced;
    const changed = Object.entries(filters).some(([k, v]) => v.trim() !== params[k as keyof typeof params]);
    if (changed) setParams(Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v.trim()])));
  }, [debounced]);
  const page = Number(params.page) || 1;
  const pageSize = 25;
  const from = params.from ? casablancaMidnightUtc(params.from) : null;
  const to = params.to ? casablancaMidnightUtc(params.to, 1) : null;
  // What is typed is a prefix: `core.grant` finds core.grant.created and core.grant.revoked.
  const action = params.action && !params.action.endsWith('*') ? `${params.action}*` : params.action;
  const list = useQuery({
    queryKey: ['admin', 'audit', params],
    queryFn: () =>
      api<Page<AuditEntry>>(
        'GET',
        `/audit${qs({
          who: params.who,
          action,
          entityType: params.entityType,
          org: params.org.toUpperCase(),
          from,
          to,
          page,
          pageSize,
        })}`,
      ),
    placeholderData: (prev) => prev,
  });
  const input = (key: keyof typeof defaults, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      value={typed[key]}
      onChange={(e) => setTyped({ ...typed, [key]: e.currentTarget.value })}
      maxLength={200}
      {...extra}
    />
  );
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Stack gap="md">
        <form role="search" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {input('who', t('audit.who'), { description: t('audit.whoHint'), 'data-testid': 'audit-who' })}
            {input('action', t('audit.action'), { description: t('audit.actionHint'), 'data-testid': 'audit-action' })}
            {input('entityType', t('audit.entityType'))}
            {input('org', t('audit.org'), { description: t('audit.orgHint') })}
            {input('from', t('audit.from'), { type: 'date', description: t('audit.zone') })}
            {input('to', t('audit.to'), { type: 'date', description: t('audit.zone') })}
          </SimpleGrid>
        </form>
        <DataTable
          testId="audit"
          caption={t('audit.caption')}
          captionHidden
          rows={list.data?.items}
          total={list.data?.total ?? 0}
          loading={list.isFetching}
          error={list.error}
          page={page}
          pageSize={pageSize}
          onPageChange={(p) => setParams({ page: String(p) })}
          rowKey={(e) => e.id}
          columns={[
            { key: 'when', header: t('audit.when'), render: (e) => formatDate(e.occurredAt, true) },
            {
              key: 'who',
              header: t('audit.who'),
              render: (e) => e.actorName ?? t(`audit.actorKinds.${e.actorKind}`, { defaultValue: e.actorKind }),
            },
            { key: 'action', header: t('audit.action'), render: (e) => <code>{e.action}</code> },
            { key: 'org', header: t('audit.org'), render: (e) => e.orgCode ?? '—', hideOnPhone: true },
            {
              key: 'details',
              header: <span className="sr-only">{t('audit.details')}</span>,
              render: (e) => (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => setOpen(e)}
                  aria-label={t('audit.detailsOf', { action: e.action, seq: e.seq })}
                >
                  {t('audit.details')}
                </Button>
              ),
            },
          ]}
        />
        {open && (
          <Paper withBorder p="md" component="section" aria-labelledby="audit-entry-title" data-testid="audit-entry">
            <Group justify="space-between" mb="sm" wrap="nowrap">
              <Title order={2} size="h4" id="audit-entry-title" tabIndex={-1} ref={entryTitle}>
                {t('audit.entryTitle', { seq: open.seq })}
              </Title>
              <Button size="compact-sm" variant="default" onClick={() => setOpen(null)}>
                {t('audit.closeEntry')}
              </Button>
            </Group>
            <Diff entry={open} />
          </Paper>
        )}
        <ChainCheck />
      </Stack>
    </>
  );
}
