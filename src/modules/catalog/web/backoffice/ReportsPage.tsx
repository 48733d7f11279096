import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Badge, Button, Group, NativeSelect, Radio, Stack, Text, Textarea } from '@mantine/core';
import { api } from '../../../../web/api';
import { ErrorAlert } from '../../../../web/components/ErrorAlert';
import { currentLang } from '../../../../web/i18n';
import { DataTable, useListParams } from '../../../../web/shell/DataTable';
import { PageHeader } from '../../../../web/shell/PageHeader';
import { AnswerBody, REPORT_STATUSES } from '../../contract';
import { pick, useFormat, type TextValue } from './common';

interface Report {
  id: string;
  slug: string;
  title: TextValue;
  org: { code: string; nameFr: string; nameAr: string };
  orgText: string | null;
  document: string;
  occurredOn: string;
  comment: string | null;
  status: (typeof REPORT_STATUSES)[number];
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
  itemId: string | null;
  versionNumber: number | null;
}

const PAGE_SIZE = 20;
const STATUS_COLORS = { open: 'dark', answered: 'green', rejected: 'gray' } as const;

/** Reports of documents asked for and not listed (law 55.19), for the person's administrations: answer or reject. */
export function ReportsPage() {
  const { t } = useTranslation('catalog');
  const f = useFormat();
  const [params, setParams] = useListParams({ status: 'open', page: '1' });
  const page = Number(params.page) || 1;
  const qs = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (params.status !== 'all') qs.set('status', params.status);
  const list = useQuery({
    queryKey: ['catalog', 'reports', params.status, page],
    queryFn: () => api<{ items: Report[]; total: number }>('GET', `/catalog/reports?${qs}`),
  });
  const lang = currentLang();
  return (
    <>
      <PageHeader title={t('bo.reports.title')} />
      <Stack gap="lg">
        <Text size="sm">{t('bo.reports.intro')}</Text>
        <Group align="flex-end" role="search" aria-label={t('bo.reports.filters')}>
          <NativeSelect
            label={t('bo.reports.status')}
            value={params.status}
            onChange={(e) => setParams({ status: e.currentTarget.value })}
            data={[
              ...REPORT_STATUSES.map((s) => ({ value: s, label: t(`myReports.status.${s}`) })),
              { value: 'all', label: t('bo.reports.all') },
            ]}
          />
        </Group>
        <DataTable
          testId="catalog-reports"
          caption={t('bo.reports.caption')}
          captionHidden
          rows={list.data?.items}
          total={list.data?.total ?? 0}
          loading={list.isPending}
          error={list.error}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={(p) => setParams({ page: String(p) })}
          rowKey={(r) => r.id}
          empty={t('bo.reports.empty')}
          columns={[
            {
              key: 'report',
              header: t('bo.reports.report'),
              render: (r: Report) => (
                <Stack gap={4}>
                  <Text fw={600}>{r.document}</Text>
                  <Text size="sm">
                    {t('bo.reports.procedure')}{' '}
                    <Anchor component={Link} to={`/backoffice/catalog/${r.slug}`} underline="always">
                      {pick(r.title)}
                    </Anchor>
                    {r.versionNumber !== null && <> · {t('bo.list.version', { n: r.versionNumber })}</>}
                  </Text>
                  <Text size="sm">
                    {t('bo.reports.where', {
                      org: r.orgText ?? (lang === 'ar' ? r.org.nameAr : r.org.nameFr),
                      date: f.date(r.occurredOn),
                    })}
                  </Text>
                  {r.comment && (
                    <Text size="sm" c="dimmed">
                      « {r.comment} »
                    </Text>
                  )}
                </Stack>
              ),
            },
            {
              key: 'status',
              header: t('bo.reports.status'),
              render: (r: Report) => (
                <Stack gap={4}>
                  <Badge color={STATUS_COLORS[r.status]} variant="light">
                    {t(`myReports.status.${r.status}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t('bo.reports.received', { date: f.date(r.createdAt) })}
                  </Text>
                </Stack>
              ),
            },
            {
              key: 'answer',
              header: t('bo.reports.answer'),
              render: (r: Report) =>
                r.status === 'open' ? (
                  <AnswerForm report={r} />
                ) : (
                  <Stack gap={2}>
                    <Text size="sm">{r.answer}</Text>
                    <Text size="xs" c="dimmed">
                      {f.date(r.answeredAt)}
                    </Text>
                  </Stack>
                ),
            },
          ]}
        />
      </Stack>
    </>
  );
}

/** Answer or reject one report with a text; the reporter is notified by the server. */
function AnswerForm({ report }: { report: Report }) {
  const { t } = useTranslation('catalog');
  const qc = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<'answered' | 'rejected'>('answered');
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (body: { answer: string; status: 'answered' | 'rejected' }) =>
      api('POST', `/catalog/reports/${report.id}/answer`, body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['catalog', 'reports'] });
    },
  });
  if (!open)
    return (
      <Button
        size="compact-sm"
        variant="light"
        onClick={() => setOpen(true)}
        aria-label={t('bo.reports.answerFor', { doc: report.document })}
      >
        {t('bo.reports.answerOpen')}
      </Button>
    );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = AnswerBody.safeParse({ answer: text, status });
        if (!parsed.success) {
          setProblem(text.trim().length < 2 ? t('bo.reports.tooShort') : t('bo.reports.tooLong'));
          document.getElementById(`${id}-text`)?.focus();
          return;
        }
        send.mutate({ answer: parsed.data.answer, status: parsed.data.status });
      }}
    >
      <Stack gap="xs" miw={220}>
        {send.isSuccess && (
          <Alert color="green" role="status">
            {t('bo.reports.sent')}
          </Alert>
        )}
        <ErrorAlert error={send.error} />
        <Radio.Group label={t('bo.reports.decision')} value={status} onChange={(v) => setStatus(v as 'answered' | 'rejected')}>
          <Group gap="sm" mt={4}>
            <Radio size="md" value="answered" label={t('bo.reports.doAnswer')} />
            <Radio size="md" value="rejected" label={t('bo.reports.doReject')} />
          </Group>
        </Radio.Group>
        <Textarea
          id={`${id}-text`}
          label={t('bo.reports.text')}
          description={t('bo.reports.textHint')}
          value={text}
          required
          autosize
          minRows={3}
          maxLength={4000}
          error={problem ?? undefined}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setProblem(null);
          }}
        />
        <Group gap="xs">
          <Button type="submit" size="sm" loading={send.isPending}>
            {t('bo.reports.send')}
          </Button>
          <Button size="sm" variant="default" onClick={() => setOpen(false)}>
            {t('bo.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export const Component = ReportsPage;
