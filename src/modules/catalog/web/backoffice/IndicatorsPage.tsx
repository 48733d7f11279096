import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { BarChart, LineChart } from '@mantine/charts';
import { api } from '../../../../web/api';
import { ErrorAlert } from '../../../../web/components/ErrorAlert';
import { currentLang } from '../../../../web/i18n';
import { useListParams } from '../../../../web/shell/DataTable';
import { PageHeader } from '../../../../web/shell/PageHeader';
import { useCurrentOrg } from '../../../../web/shell/org';
import { useFormat } from './common';

interface Indicators {
  org: { code: string; nameFr: string; nameAr: string };
  months: string[];
  procedures: {
    total: number;
    published: number;
    medianAgeDays: number | null;
    freshness: { under90Days: number; from90To365Days: number; over365Days: number };
  };
  views: { total: number; series: { month: string; count: number }[] };
  ratings: {
    count: number;
    average: number | null;
    usefulPercent: number | null;
    usefulAnswers: number;
    series: { month: string; count: number; average: number | null; usefulPercent: number | null }[];
  };
  reports: {
    total: number;
    open: number;
    answered: number;
    medianAnswerHours: number | null;
    series: { month: string; received: number; answered: number; medianAnswerHours: number | null }[];
  };
}

/** Quality indicators of the current organisation, another one or a territory: figures, monthly charts and their tables. */
export function IndicatorsPage() {
  const { t } = useTranslation('catalog');
  const f = useFormat();
  const { orgs, current } = useCurrentOrg();
  const [params, setParams] = useListParams({ org: '', months: '12' });
  const org = params.org || current?.code || '';
  const months = Number(params.months) || 12;
  const [other, setOther] = useState('');
  const otherId = useId();
  const data = useQuery({
    queryKey: ['catalog', 'indicators', org, months],
    queryFn: () => api<Indicators>('GET', `/catalog/indicators?org=${encodeURIComponent(org)}&months=${months}`),
    enabled: org !== '',
  });
  const d = data.data;
  const orgName = d ? (currentLang() === 'ar' ? d.org.nameAr : d.org.nameFr) : '';
  const choose = (e: FormEvent) => {
    e.preventDefault();
    if (other.trim()) setParams({ org: other.trim() });
  };
  const known = orgs.some((o) => o.code === org);
  return (
    <>
      <PageHeader title={t('bo.ind.title')} />
      <Stack gap="lg">
        <Group align="flex-end" gap="sm" wrap="wrap">
          {orgs.length > 0 && (
            <NativeSelect
              label={t('bo.ind.org')}
              value={known ? org : ''}
              onChange={(e) => setParams({ org: e.currentTarget.value })}
              data={[
                ...(known ? [] : [{ value: '', label: org || t('bo.ind.chooseOrg') }]),
                ...orgs.map((o) => ({ value: o.code, label: o.name })),
              ]}
            />
          )}
          <form onSubmit={choose} className="catalog-bo-inline-form">
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                id={otherId}
                label={t('bo.ind.other')}
                description={t('bo.ind.otherHint')}
                value={other}
                maxLength={64}
                onChange={(e) => setOther(e.currentTarget.value)}
              />
              <Button type="submit" variant="default">
                {t('bo.ind.show')}
              </Button>
            </Group>
          </form>
          <NativeSelect
            label={t('bo.ind.period')}
            value={String(months)}
            onChange={(e) => setParams({ months: e.currentTarget.value })}
            data={['6', '12', '24', '36'].map((m) => ({ value: m, label: t('bo.ind.months', { count: Number(m) }) }))}
          />
        </Group>
        <ErrorAlert error={data.error} />
        {data.isFetching && (
          <Text role="status" c="dimmed" size="sm">
            {t('bo.loading')}
          </Text>
        )}
        {d && (
          <>
            <Title order={2} size="h3">
              {orgName}{' '}
              <Text span c="dimmed" size="sm">
                ({d.org.code})
              </Text>
            </Title>
            <section aria-label={t('bo.ind.figures')}>
              <ul className="catalog-bo-cards" data-testid="catalog-indicator-cards">
                <Card label={t('bo.ind.procedures')} value={f.num(d.procedures.total)}>
                  {t('bo.ind.publishedCount', { count: d.procedures.published })}
                </Card>
                <Card label={t('bo.ind.freshness')} value={f.num(d.procedures.medianAgeDays)}>
                  {t('bo.ind.freshnessDetail', {
                    a: d.procedures.freshness.under90Days,
                    b: d.procedures.freshness.from90To365Days,
                    c: d.procedures.freshness.over365Days,
                  })}
                </Card>
                <Card label={t('bo.ind.views')} value={f.num(d.views.total)} />
                <Card label={t('bo.ind.ratings')} value={f.num(d.ratings.count)}>
                  {t('bo.ind.average', { value: f.num(d.ratings.average, 1) })}
                </Card>
                <Card
                  label={t('bo.ind.useful')}
                  value={d.ratings.usefulPercent === null ? '—' : `${f.num(d.ratings.usefulPercent)} %`}
                >
                  {t('bo.ind.usefulAnswers', { count: d.ratings.usefulAnswers })}
                </Card>
                <Card label={t('bo.ind.reports')} value={f.num(d.reports.total)}>
                  {t('bo.ind.reportsDetail', { open: d.reports.open, answered: d.reports.answered })}
                </Card>
                <Card label={t('bo.ind.medianAnswer')} value={f.num(d.reports.medianAnswerHours, 1)}>
                  {t('bo.ind.hours')}
                </Card>
              </ul>
            </section>
            <ChartBlock
              title={t('bo.ind.viewsChart')}
              months={d.views.series.map((s) => s.month)}
              columns={[{ key: 'count', label: t('bo.ind.views'), color: 'teal.7' }]}
              rows={d.views.series}
              kind="bar"
            />
            <ChartBlock
              title={t('bo.ind.ratingsChart')}
              months={d.ratings.series.map((s) => s.month)}
              columns={[
                { key: 'count', label: t('bo.ind.ratings'), color: 'blue.7' },
                { key: 'usefulPercent', label: t('bo.ind.usefulPct'), color: 'grape.7' },
              ]}
              rows={d.ratings.series}
              kind="line"
            />
            <ChartBlock
              title={t('bo.ind.reportsChart')}
              months={d.reports.series.map((s) => s.month)}
              columns={[
                { key: 'received', label: t('bo.ind.received'), color: 'orange.7' },
                { key: 'answered', label: t('bo.ind.answered'), color: 'green.8' },
              ]}
              rows={d.reports.series}
              kind="bar"
            />
            <ChartBlock
              title={t('bo.ind.answerChart')}
              months={d.reports.series.map((s) => s.month)}
              columns={[{ key: 'medianAnswerHours', label: t('bo.ind.medianAnswerHours'), color: 'red.8' }]}
              rows={d.reports.series}
              kind="line"
            />
            <ChartBlock
              title={t('bo.ind.freshnessChart')}
              months={[]}
              category={t('bo.ind.age')}
              columns={[{ key: 'count', label: t('bo.ind.procedures'), color: 'indigo.7' }]}
              rows={[
                { month: t('bo.ind.ageUnder90'), count: d.procedures.freshness.under90Days },
                { month: t('bo.ind.age90To365'), count: d.procedures.freshness.from90To365Days },
                { month: t('bo.ind.ageOver365'), count: d.procedures.freshness.over365Days },
              ]}
              kind="bar"
            />
          </>
        )}
      </Stack>
    </>
  );
}

function Card({ label, value, children }: { label: string; value: string; children?: ReactNode }) {
  return (
    <Paper component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div className="catalog-bo-card-value">{value}</div>
      {children && <Text size="xs">{children}</Text>}
    </Paper>
  );
}

interface Col {
  key: string;
  label: string;
  color: string;
}

/**
 * A monthly chart (drawn for sighted people, hidden from screen readers) and the same figures
 * as a table, which screen readers and keyboard users get and anyone can open.
 */
function ChartBlock<R extends { month: string }>(props: {
  title: string;
  months: string[];
  columns: Col[];
  rows: R[];
  kind: 'bar' | 'line';
  /** The rows are categories named by `month` (heading of the first column), not months. */
  category?: string;
}) {
  const { t } = useTranslation('catalog');
  const f = useFormat();
  const id = useId();
  const label = (m: string) => (props.category ? m : f.month(m));
  const data = props.rows.map((r) => {
    const o: Record<string, string | number | null> = { month: label(r.month) };
    for (const c of props.columns) o[c.label] = (r as unknown as Record<string, number | null>)[c.key] ?? null;
    return o;
  });
  const series = props.columns.map((c) => ({ name: c.label, color: c.color }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} className="catalog-bo-chart">
      <Title order={2} size="h4" id={id} mb="sm">
        {props.title}
      </Title>
      <div aria-hidden="true">
        {/* The drawing is hidden from assistive technologies (the table says the same): not focusable either. */}
        {props.kind === 'bar' ? (
          <BarChart
            h={220}
            data={data}
            dataKey="month"
            series={series}
            withLegend
            tickLine="y"
            barChartProps={{ accessibilityLayer: false }}
          />
        ) : (
          <LineChart
            h={220}
            data={data}
            dataKey="month"
            series={series}
            withLegend
            tickLine="y"
            lineChartProps={{ accessibilityLayer: false }}
          />
        )}
      </div>
      <details>
        <summary>{t('bo.ind.tableToggle')}</summary>
        <Table.ScrollContainer minWidth={0}>
          <Table striped verticalSpacing={4} captionSide="top">
            <Table.Caption className="sr-only">{props.title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{props.category ?? t('bo.ind.month')}</Table.Th>
                {props.columns.map((c) => (
                  <Table.Th scope="col" key={c.key}>
                    {c.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.rows.map((r) => (
                <Table.Tr key={r.month}>
                  <Table.Th scope="row">{label(r.month)}</Table.Th>
                  {props.columns.map((c) => (
                    <Table.Td key={c.key}>{f.num((r as unknown as Record<string, number | null>)[c.key], 1)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </details>
    </Paper>
  );
}

export const Component = IndicatorsPage;
