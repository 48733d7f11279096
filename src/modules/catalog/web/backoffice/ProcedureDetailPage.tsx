import { useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { api } from '../../../../web/api';
import { ErrorAlert } from '../../../../web/components/ErrorAlert';
import { useListParams } from '../../../../web/shell/DataTable';
import { PageHeader } from '../../../../web/shell/PageHeader';
import { EDITABLE_STATES, OPEN_STATES, type DiffEntry } from '../../contract';
import {
  STATE_COLORS,
  moroccoToday,
  pick,
  procPath,
  useFormat,
  useStateLabel,
  versionPath,
  type AllowedAction,
  type ManagedProcedure,
  type ManagedVersion,
  type VersionDiff,
} from './common';

/** A procedure's versions, the workflow actions the person may take, and the differences between versions. */
export function ProcedureDetailPage() {
  const { t } = useTranslation('catalog');
  const { slug = '' } = useParams();
  const f = useFormat();
  const stateLabel = useStateLabel();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params, setParams] = useListParams({ v: '', against: '' });
  const proc = useQuery({
    queryKey: ['catalog', 'manage', 'procedure', slug],
    queryFn: () => api<ManagedProcedure>('GET', procPath(slug)),
  });
  const versions = [...(proc.data?.versions ?? [])].sort((a, b) => b.number - a.number);
  const open = versions.find((v) => OPEN_STATES.includes(v.state));
  const selected = Number(params.v) || open?.number || versions[0]?.number || 0;
  const newDraft = useMutation({
    mutationFn: () => api<ManagedVersion>('POST', `${procPath(slug)}/versions`, {}),
    onSuccess: async (v) => {
      await qc.invalidateQueries({ queryKey: ['catalog', 'manage'] });
      void navigate(`/backoffice/catalog/${slug}/versions/${v.number}`);
    },
  });
  const title = pick(proc.data?.title) || slug;
  return (
    <>
      <PageHeader title={title} crumbs={[{ label: t('bo.list.title'), to: '/backoffice/catalog' }, { label: title }]}>
        {proc.data?.canEdit && !open && proc.data.publishedVersion !== null && (
          <Button onClick={() => newDraft.mutate()} loading={newDraft.isPending}>
            {t('bo.detail.newDraft')}
          </Button>
        )}
      </PageHeader>
      <Stack gap="lg">
        <ErrorAlert error={proc.error ?? newDraft.error} />
        {proc.isPending && (
          <Text role="status" c="dimmed">
            {t('bo.loading')}
          </Text>
        )}
        {proc.data && (
          <>
            <Text size="sm" c="dimmed">
              <code>{proc.data.slug}</code> · {proc.data.ownerCode} ·{' '}
              <Anchor component={Link} to={`/procedures/${proc.data.slug}`} underline="always">
                {t('bo.detail.publicPage')}
              </Anchor>
            </Text>
            {proc.data.scheduledVersion && (
              <Alert color="indigo" role="status" data-testid="catalog-scheduled-note">
                {t('bo.detail.scheduledNote', {
                  n: proc.data.scheduledVersion.number,
                  date: f.date(proc.data.scheduledVersion.effectiveDate),
                })}
              </Alert>
            )}
            <section aria-labelledby="versions-title">
              <Title order={2} size="h4" id="versions-title" mb="xs">
                {t('bo.detail.versions')}
              </Title>
              <Table.ScrollContainer minWidth={0}>
                <Table striped verticalSpacing="xs" data-testid="catalog-versions">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('bo.detail.number')}</Table.Th>
                      <Table.Th scope="col">{t('bo.detail.state')}</Table.Th>
                      <Table.Th scope="col" className="hide-phone">
                        {t('bo.detail.changeNote')}
                      </Table.Th>
                      <Table.Th scope="col" className="hide-phone">
                        {t('bo.detail.updated')}
                      </Table.Th>
                      <Table.Th scope="col">{t('bo.detail.open')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {versions.map((v) => (
                      <Table.Tr key={v.id} aria-current={v.number === selected ? 'true' : undefined}>
                        <Table.Td>{t('bo.list.version', { n: v.number })}</Table.Td>
                        <Table.Td>
                          <Badge color={STATE_COLORS[v.state]} variant="light" data-state={v.state}>
                            {stateLabel(v.state, v.effectiveDate)}
                          </Badge>
                          {v.staleCount > 0 && (
                            <Badge color="dark" variant="outline" ms={4}>
                              {t('bo.list.staleCount', { count: v.staleCount })}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td className="hide-phone">{v.changeNote ?? '—'}</Table.Td>
                        <Table.Td className="hide-phone">{f.date(v.updatedAt)}</Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="wrap">
                            <Button
                              size="compact-sm"
                              variant={v.number === selected ? 'filled' : 'default'}
                              onClick={() => setParams({ v: String(v.number), against: '' })}
                              aria-pressed={v.number === selected}
                            >
                              {t('bo.detail.show', { n: v.number })}
                            </Button>
                            {proc.data.canEdit && EDITABLE_STATES.includes(v.state) && (
                              <Button
                                size="compact-sm"
                                variant="light"
                                component={Link}
                                to={`/backoffice/catalog/${slug}/versions/${v.number}`}
                              >
                                {t('bo.detail.edit', { n: v.number })}
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </section>
            {selected > 0 && (
              <VersionPanel
                key={selected}
                slug={slug}
                n={selected}
                numbers={versions.map((v) => v.number)}
                against={Number(params.against) || undefined}
                onAgainst={(a) => setParams({ against: a ? String(a) : '' })}
              />
            )}
          </>
        )}
      </Stack>
    </>
  );
}

/** One version: the actions allowed to the person, its history, and its differences with another version. */
function VersionPanel(props: {
  slug: string;
  n: number;
  numbers: number[];
  against: number | undefined;
  onAgainst: (n: number | undefined) => void;
}) {
  const { t } = useTranslation('catalog');
  const f = useFormat();
  const stateLabel = useStateLabel();
  const { slug, n } = props;
  const version = useQuery({
    queryKey: ['catalog', 'manage', 'version', slug, n],
    queryFn: () => api<ManagedVersion>('GET', versionPath(slug, n)),
  });
  const v = version.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="version-title" data-testid="catalog-version-panel">
      <Stack gap="md">
        <Title order={2} size="h4" id="version-title">
          {t('bo.detail.versionTitle', { n })}
          {v && (
            <Badge color={STATE_COLORS[v.state]} variant="light" ms="xs" data-state={v.state}>
              {stateLabel(v.state, v.effectiveDate)}
            </Badge>
          )}
        </Title>
        <ErrorAlert error={version.error} />
        {v && (
          <>
            {v.staleCount > 0 && (
              <Alert color="orange" classNames={{ title: 'catalog-bo-warn-title' }} title={t('bo.detail.staleTitle')}>
                {t('bo.detail.staleText', { count: v.staleCount })}
              </Alert>
            )}
            <WorkflowActions slug={slug} version={v} />
            {v.history.length > 0 && (
              <div>
                <Title order={3} size="h5" mb={4}>
                  {t('bo.detail.history')}
                </Title>
                <ul className="catalog-bo-history">
                  {v.history.map((h, i) => (
                    <li key={i}>
                      <Text size="sm">
                        {f.dateTime(h.at)} — {t(`bo.historyActions.${h.action}`, { defaultValue: h.action })} →{' '}
                        {t(`bo.states.${h.toState}`, { defaultValue: h.toState })}
                        {h.comment && <> : « {h.comment} »</>}
                      </Text>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
        <DiffView slug={slug} n={n} numbers={props.numbers} against={props.against} onAgainst={props.onAgainst} />
      </Stack>
    </Paper>
  );
}

/** The buttons of the actions the API allows on this version; a comment field where one is needed. */
function WorkflowActions({ slug, version }: { slug: string; version: ManagedVersion }) {
  const { t } = useTranslation('catalog');
  const f = useFormat();
  const qc = useQueryClient();
  const commentId = useId();
  const [pending, setPending] = useState<AllowedAction | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const run = useMutation({
    mutationFn: (a: { action: string; comment?: string }) =>
      api<ManagedVersion>(
        'POST',
        `${versionPath(slug, version.number)}/actions/${a.action}`,
        a.comment ? { comment: a.comment } : {},
      ),
    onSuccess: async () => {
      setPending(null);
      setComment('');
      await qc.invalidateQueries({ queryKey: ['catalog', 'manage'] });
    },
  });
  if (version.actions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('bo.detail.noAction')}
      </Text>
    );
  const confirm = () => {
    if (!pending) return;
    if (pending.requiresComment && !comment.trim()) {
      setMissing(true);
      document.getElementById(commentId)?.focus();
      return;
    }
    run.mutate({ action: pending.action, comment: comment.trim() || undefined });
  };
  return (
    <div>
      <ErrorAlert error={run.error} />
      {run.isSuccess && !pending && (
        <Alert color="green" role="status" mb="sm">
          {t('bo.detail.done')}
        </Alert>
      )}
      <Group gap="xs" wrap="wrap" role="group" aria-label={t('bo.detail.actions')}>
        {version.actions.map((a) => (
          <Button
            key={a.action}
            variant={pending?.action === a.action ? 'filled' : a.action === 'archive' ? 'outline' : 'light'}
            color={a.action === 'request_changes' || a.action === 'archive' ? 'dark' : undefined}
            onClick={() => {
              setPending(a);
              setMissing(false);
            }}
            aria-expanded={pending?.action === a.action}
            data-action={a.action}
          >
            {t(`bo.actions.${a.action}`, { defaultValue: a.action })}
          </Button>
        ))}
      </Group>
      {pending && (
        <Stack gap="xs" mt="sm" className="catalog-bo-confirm">
          <Text size="sm">
            {pending.action === 'publish' && version.effectiveDate && version.effectiveDate > moroccoToday()
              ? t('bo.confirm.publishScheduled', { n: version.number, date: f.date(version.effectiveDate) })
              : t(`bo.confirm.${pending.action}`, { defaultValue: '', n: version.number })}
          </Text>
          <Textarea
            id={commentId}
            label={pending.requiresComment ? t('bo.detail.commentRequired') : t('bo.detail.comment')}
            required={pending.requiresComment}
            value={comment}
            maxLength={2000}
            autosize
            minRows={2}
            error={missing ? t('bo.detail.commentMissing') : undefined}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setMissing(false);
            }}
          />
          <Group gap="xs">
            <Button onClick={confirm} loading={run.isPending} data-testid="catalog-action-confirm">
              {t(`bo.actions.${pending.action}`, { defaultValue: pending.action })}
            </Button>
            <Button variant="default" onClick={() => setPending(null)}>
              {t('bo.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </div>
  );
}

const LANG_NAMES: Record<string, string> = { fr: 'Français', ar: 'العربية', en: 'English' };

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 1);
}

/** Field by field, in every language: what was removed and what was added, marked by words and signs, not only colour. */
function DiffView(props: {
  slug: string;
  n: number;
  numbers: number[];
  against: number | undefined;
  onAgainst: (n: number | undefined) => void;
}) {
  const { t } = useTranslation('catalog');
  const { slug, n, against } = props;
  const diff = useQuery({
    queryKey: ['catalog', 'manage', 'diff', slug, n, against ?? null],
    queryFn: () => api<VersionDiff>('GET', `${versionPath(slug, n)}/diff${against ? `?against=${against}` : ''}`),
  });
  const others = props.numbers.filter((x) => x !== n);
  const fieldLabel = (path: string) => {
    const root = path.split(/[.[]/)[0] ?? path;
    const label = t(`bo.fields.${root}`, { defaultValue: root });
    const rest = path.slice(root.length);
    return rest ? `${label} ${rest}` : label;
  };
  return (
    <section aria-labelledby="diff-title" data-testid="catalog-diff">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mb="xs">
        <Title order={3} size="h5" id="diff-title">
          {diff.data?.against ? t('bo.diff.titleAgainst', { n, against: diff.data.against }) : t('bo.diff.title', { n })}
        </Title>
        {others.length > 0 && (
          <NativeSelect
            label={t('bo.diff.against')}
            size="sm"
            value={against ? String(against) : ''}
            onChange={(e) => props.onAgainst(Number(e.currentTarget.value) || undefined)}
            data={[
              { value: '', label: t('bo.diff.base') },
              ...others.map((x) => ({ value: String(x), label: t('bo.list.version', { n: x }) })),
            ]}
          />
        )}
      </Group>
      <ErrorAlert error={diff.error} />
      {diff.isPending && (
        <Text role="status" size="sm" c="dimmed">
          {t('bo.loading')}
        </Text>
      )}
      {diff.data && diff.data.against === null && (
        <Text size="sm" c="dimmed">
          {t('bo.diff.first')}
        </Text>
      )}
      {diff.data && diff.data.against !== null && diff.data.changes.length === 0 && (
        <Text size="sm" role="status">
          {t('bo.diff.none')}
        </Text>
      )}
      {diff.data && diff.data.changes.length > 0 && (
        <>
          <Text size="sm" role="status" mb="xs">
            {t('bo.diff.count', { count: diff.data.changes.length })}
          </Text>
          <ol className="catalog-diff">
            {diff.data.changes.map((c: DiffEntry, i) => (
              <li key={i} className={`catalog-diff-entry catalog-diff-${c.change}`}>
                <div className="catalog-diff-head">
                  <strong>{fieldLabel(c.field)}</strong>
                  {c.lang && (
                    <Badge variant="outline" size="sm" ms={6}>
                      {LANG_NAMES[c.lang] ?? c.lang}
                    </Badge>
                  )}
                  <Badge
                    size="sm"
                    ms={6}
                    variant="light"
                    color={c.change === 'added' ? 'green' : c.change === 'removed' ? 'red' : 'blue'}
                  >
                    {t(`bo.diff.${c.change}`)}
                  </Badge>
                </div>
                {c.before !== null && c.before !== undefined && (
                  <del className="catalog-diff-before" lang={c.lang ?? undefined} dir={c.lang === 'ar' ? 'rtl' : undefined}>
                    <span className="catalog-diff-sign" aria-hidden="true">
                      −
                    </span>
                    <span className="sr-only">{t('bo.diff.beforeSr')} </span>
                    {c.beforeLabel ?? show(c.before)}
                  </del>
                )}
                {c.after !== null && c.after !== undefined && (
                  <ins className="catalog-diff-after" lang={c.lang ?? undefined} dir={c.lang === 'ar' ? 'rtl' : undefined}>
                    <span className="catalog-diff-sign" aria-hidden="true">
                      +
                    </span>
                    <span className="sr-only">{t('bo.diff.afterSr')} </span>
                    {c.afterLabel ?? show(c.after)}
                  </ins>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

export const Component = ProcedureDetailPage;
