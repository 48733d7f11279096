import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import './reserves.css';
import { api, ApiError } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/ErrorAlert';
import { formatDate } from '../../../web/dates';
import { currentLang } from '../../../web/i18n';
import { useMe } from '../../../web/session';
import { useListParams } from '../../../web/shell/DataTable';
import { PageHeader } from '../../../web/shell/PageHeader';
import { IMPORT_COLUMNS, type ImportKind, type ImportViewT } from '../exchange/contract';
import { BASE, fmt, type Page } from './common';

const RUNNING = new Set(['validating', 'applying']);
const STATUS_COLOR: Record<string, string> = {
  validating: 'blue',
  valid: 'teal',
  invalid: 'red',
  applying: 'blue',
  applied: 'green',
  failed: 'red',
};

/** Sends the file as it is (`text/csv`): the server checks its encoding, so the browser must not re-encode it. */
async function uploadCsv(kind: ImportKind, file: File, csrf: string | null): Promise<ImportViewT> {
  const res = await fetch(`/api/v1/reserves/imports?kind=${kind}&filename=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'accept-language': currentLang(),
      'content-type': 'text/csv',
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
    },
    body: await file.arrayBuffer(),
  });
  const data = (await res.json().catch(() => null)) as
    (ImportViewT & { code?: string; detail?: string; errors?: never[] }) | null;
  if (!res.ok) {
    const p = (data ?? {}) as Record<string, unknown> & { code?: string; detail?: string };
    throw new ApiError(res.status, p.code ?? 'CORE_INTERNAL', p.detail ?? res.statusText, p, []);
  }
  return data!;
}

function ImportProgress({ imp }: { imp: ImportViewT }) {
  const { t } = useTranslation('reserves');
  const pct = imp.totalRows ? Math.round((imp.processedRows / imp.totalRows) * 100) : 0;
  const label = t('exchange.imports.progress', { done: fmt(imp.processedRows), total: fmt(imp.totalRows) });
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" fw={600}>
          {t(`exchange.imports.statuses.${imp.status}`)}
        </Text>
        <Text size="sm" role="status" aria-live="polite" data-testid="import-progress-text">
          {label}
        </Text>
      </Group>
      <Progress
        value={pct}
        animated={RUNNING.has(imp.status)}
        color={STATUS_COLOR[imp.status]}
        aria-label={label}
        data-testid="import-progress"
        size="lg"
      />
    </Stack>
  );
}

function ImportDetail({ id }: { id: string }) {
  const { t } = useTranslation('reserves');
  const { t: tErr } = useTranslation();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['reserves', 'imports', id],
    queryFn: () => api<ImportViewT>('GET', `/reserves/imports/${id}`),
    refetchInterval: (query) => (query.state.data && RUNNING.has(query.state.data.status) ? 700 : false),
  });
  const apply = useMutation({
    mutationFn: () => api<ImportViewT>('POST', `/reserves/imports/${id}/apply`),
    onSuccess: (v) => {
      client.setQueryData(['reserves', 'imports', id], v);
      void client.invalidateQueries({ queryKey: ['reserves', 'imports', 'list'] });
    },
  });
  const imp = q.data;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!imp) return <Text role="status">{t('loading')}</Text>;
  const s = imp.summary as {
    validRows?: number;
    changes?: number;
    increase?: number;
    decrease?: number;
    create?: number;
    update?: number;
    unchanged?: number;
    preview?: Record<string, string | number | null>[];
    applied?: { movements: string[]; changed: number };
  };
  const previewCols =
    imp.kind === 'stock-count'
      ? ['line', 'warehouse', 'bin', 'product', 'lot', 'current', 'counted', 'difference']
      : ['line', 'code', 'name', 'action'];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-detail-title">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="import-detail-title">
            {imp.filename} · {t(`exchange.imports.kinds.${imp.kind}`)}
          </Title>
          <Badge color={STATUS_COLOR[imp.status]} data-testid="import-status">
            {t(`exchange.imports.statuses.${imp.status}`)}
          </Badge>
        </Group>
        <ImportProgress imp={imp} />
        {imp.status !== 'validating' && (
          <Text size="sm" data-testid="import-summary">
            {imp.kind === 'stock-count'
              ? t('exchange.imports.countSummary', {
                  valid: fmt(s.validRows ?? 0),
                  changes: fmt(s.changes ?? 0),
                  increase: fmt(s.increase ?? 0),
                  decrease: fmt(s.decrease ?? 0),
                })
              : t('exchange.imports.productSummary', {
                  valid: fmt(s.validRows ?? 0),
                  create: fmt(s.create ?? 0),
                  update: fmt(s.update ?? 0),
                  unchanged: fmt(s.unchanged ?? 0),
                })}
            {s.applied ? ` ${t('exchange.imports.appliedSummary', { changed: fmt(s.applied.changed) })}` : ''}
          </Text>
        )}
        {imp.errorCount > 0 && (
          <section aria-labelledby="import-errors-title">
            <Title order={3} size="h5" id="import-errors-title" mb="xs">
              {t('exchange.imports.errorsTitle', { n: fmt(imp.errorCount) })}
            </Title>
            <div style={{ overflowX: 'auto' }} tabIndex={0} role="group" aria-labelledby="import-errors-title">
              <Table verticalSpacing={4} data-testid="import-errors">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('exchange.imports.line')}</Table.Th>
                    <Table.Th scope="col">{t('exchange.imports.column')}</Table.Th>
                    <Table.Th scope="col">{t('exchange.imports.message')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {imp.errors.map((e, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{e.line}</Table.Td>
                      <Table.Td>
                        <code>{e.column ?? '—'}</code>
                      </Table.Td>
                      <Table.Td>
                        {tErr(`errors.${e.code}`, { ...(e.params as Record<string, string>), defaultValue: e.code })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </section>
        )}
        {(s.preview?.length ?? 0) > 0 && imp.status !== 'applied' && (
          <section aria-labelledby="import-preview-title">
            <Title order={3} size="h5" id="import-preview-title" mb="xs">
              {t('exchange.imports.previewTitle')}
            </Title>
            <div style={{ overflowX: 'auto' }} tabIndex={0} role="group" aria-labelledby="import-preview-title">
              <Table verticalSpacing={4} miw={previewCols.length * 90} data-testid="import-preview">
                <Table.Thead>
                  <Table.Tr>
                    {previewCols.map((c) => (
                      <Table.Th scope="col" key={c}>
                        {t(`exchange.imports.cols.${c}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.preview!.map((r, i) => (
                    <Table.Tr key={i}>
                      {previewCols.map((c) => (
                        <Table.Td key={c}>
                          {c === 'action'
                            ? t(`exchange.imports.actions.${String(r[c])}`)
                            : typeof r[c] === 'number' && c !== 'line'
                              ? `${c === 'difference' && Number(r[c]) > 0 ? '+' : ''}${fmt(Number(r[c]))}`
                              : (r[c] ?? '—')}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </section>
        )}
        <ErrorAlert error={apply.error} />
        {(imp.status === 'valid' || imp.status === 'failed') && (
          <Group>
            <Button onClick={() => apply.mutate()} loading={apply.isPending} data-testid="import-apply">
              {t('exchange.imports.apply')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('exchange.imports.applyHelp')}
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** CSV imports of stock counts and products: file, validation (row errors, preview), apply with progress. */
export function ImportsPage() {
  const { t } = useTranslation('reserves');
  const { data: me } = useMe();
  const client = useQueryClient();
  const [params, setParams] = useListParams({ id: '' });
  const [kind, setKind] = useState<ImportKind>('stock-count');
  const [file, setFile] = useState<File | null>(null);
  const list = useQuery({
    queryKey: ['reserves', 'imports', 'list'],
    queryFn: () => api<Page<ImportViewT>>('GET', '/reserves/imports?pageSize=10'),
  });
  const upload = useMutation({
    mutationFn: () => uploadCsv(kind, file!, me?.csrfToken ?? null),
    onSuccess: (v) => {
      client.setQueryData(['reserves', 'imports', v.id], v);
      void client.invalidateQueries({ queryKey: ['reserves', 'imports', 'list'] });
      setParams({ id: v.id });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) upload.mutate();
  };
  const cols = IMPORT_COLUMNS[kind];
  return (
    <Stack>
      <PageHeader
        title={t('exchange.imports.title')}
        crumbs={[{ label: t('dashboard.title'), to: BASE }, { label: t('exchange.imports.title') }]}
      />
      <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="import-new-title">
        <Stack>
          <Title order={2} size="h4" id="import-new-title">
            {t('exchange.imports.new')}
          </Title>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as ImportKind)}
            data={[
              { value: 'stock-count', label: t('exchange.imports.kinds.stock-count') },
              { value: 'products', label: t('exchange.imports.kinds.products') },
            ]}
            aria-label={t('exchange.imports.kind')}
            fullWidth
          />
          <Text size="sm" data-testid="import-columns">
            {t('exchange.imports.columns', { required: cols.required.join(', '), optional: cols.optional.join(', ') })}
          </Text>
          <FileInput
            label={t('exchange.imports.file')}
            description={t('exchange.imports.fileHelp')}
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
            data-testid="import-file"
          />
          <ErrorAlert error={upload.error} />
          <Group>
            <Button type="submit" disabled={!file} loading={upload.isPending} data-testid="import-upload">
              {t('exchange.imports.validate')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {params.id && <ImportDetail id={params.id} />}
      <Paper withBorder p="md" component="section" aria-labelledby="import-list-title">
        <Title order={2} size="h4" id="import-list-title" mb="xs">
          {t('exchange.imports.recent')}
        </Title>
        <ErrorAlert error={list.error} />
        {list.data && list.data.items.length === 0 && <Text size="sm">{t('exchange.imports.none')}</Text>}
        {list.data && list.data.items.length > 0 && (
          <div style={{ overflowX: 'auto' }} tabIndex={0} role="group" aria-labelledby="import-list-title">
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('exchange.imports.file')}</Table.Th>
                  <Table.Th scope="col">{t('exchange.imports.kind')}</Table.Th>
                  <Table.Th scope="col">{t('exchange.imports.status')}</Table.Th>
                  <Table.Th scope="col">{t('exchange.imports.rows')}</Table.Th>
                  <Table.Th scope="col">{t('exchange.imports.date')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`${BASE}/imports?id=${i.id}`}>
                        {i.filename}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`exchange.imports.kinds.${i.kind}`)}</Table.Td>
                    <Table.Td>{t(`exchange.imports.statuses.${i.status}`)}</Table.Td>
                    <Table.Td>{fmt(i.totalRows)}</Table.Td>
                    <Table.Td>{formatDate(i.createdAt, true)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Paper>
    </Stack>
  );
}
