import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { api } from '../../../../web/api';
import { ErrorAlert } from '../../../../web/components/ErrorAlert';
import { DataTable, useListParams } from '../../../../web/shell/DataTable';
import { PageHeader } from '../../../../web/shell/PageHeader';
import { useFormat } from './common';

// The same vocabularies and limits as the server's (src/modules/catalog/search/routes.ts).
const SYNONYM_LANGS = ['fr', 'ar', 'darija'] as const;
type SynLang = (typeof SYNONYM_LANGS)[number];
const PERIODS = ['7d', '30d', '90d', '365d'] as const;
const hasLetters = (s: string) => /[\p{L}\p{N}]/u.test(s);

interface GapRow {
  query: string;
  searches: number;
  lastAt: string;
  results?: number;
}
interface Gaps {
  lang: string;
  from: string;
  noResult: GapRow[];
  noClick: GapRow[];
}
interface Synonym {
  id: string;
  lang: SynLang;
  term: string;
  expansion: string;
  createdAt: string;
}

const SYN_PAGE = 50;

/** Search quality: queries that found nothing or got no click, per language; synonyms (add from a query, search, delete). */
export function SearchQualityPage() {
  const { t } = useTranslation('catalog');
  const f = useFormat();
  const [params, setParams] = useListParams({ lang: 'fr', period: '30d', q: '', synLang: '', page: '1' });
  const [draft, setDraft] = useState<{ lang: SynLang; term: string; key: number } | null>(null);
  const gaps = useQuery({
    queryKey: ['catalog', 'gaps', params.lang, params.period],
    queryFn: () => api<Gaps>('GET', `/catalog/search/gaps?lang=${params.lang}&period=${params.period}`),
  });
  const suggest = (query: string) =>
    setDraft({
      lang: /[\u0600-\u06ff]/.test(query) ? 'ar' : 'fr',
      term: query.slice(0, 80),
      key: Date.now(),
    });
  const gapColumns = (withResults: boolean) => [
    {
      key: 'query',
      header: t('bo.search.query'),
      render: (r: GapRow) => (
        <Text dir="auto" fw={500}>
          {r.query}
        </Text>
      ),
    },
    { key: 'searches', header: t('bo.search.searches'), render: (r: GapRow) => f.num(r.searches) },
    ...(withResults
      ? [{ key: 'results', header: t('bo.search.results'), hideOnPhone: true, render: (r: GapRow) => f.num(r.results) }]
      : []),
    { key: 'last', header: t('bo.search.last'), hideOnPhone: true, render: (r: GapRow) => f.date(r.lastAt) },
    {
      key: 'add',
      header: t('bo.search.action'),
      render: (r: GapRow) => (
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => suggest(r.query)}
          aria-label={t('bo.search.addFor', { q: r.query })}
        >
          {t('bo.search.add')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('bo.search.title')} />
      <Stack gap="lg">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('bo.search.lang')}
            value={params.lang}
            onChange={(e) => setParams({ lang: e.currentTarget.value })}
            data={(['fr', 'ar', 'en'] as const).map((l) => ({ value: l, label: t(`bo.search.langs.${l}`) }))}
          />
          <NativeSelect
            label={t('bo.search.period')}
            value={params.period}
            onChange={(e) => setParams({ period: e.currentTarget.value })}
            data={PERIODS.map((p) => ({ value: p, label: t(`bo.search.periods.${p}`) }))}
          />
        </Group>
        {draft && <AddSynonym key={draft.key} initial={draft} onClose={() => setDraft(null)} />}
        <ErrorAlert error={gaps.error} />
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <DataTable
            testId="catalog-gaps-none"
            caption={t('bo.search.noResult')}
            rows={gaps.data?.noResult}
            total={gaps.data?.noResult.length ?? 0}
            loading={gaps.isPending}
            page={1}
            pageSize={Math.max(1, gaps.data?.noResult.length ?? 1)}
            onPageChange={() => undefined}
            rowKey={(r) => r.query}
            empty={t('bo.search.nothing')}
            columns={gapColumns(false)}
          />
          <DataTable
            testId="catalog-gaps-noclick"
            caption={t('bo.search.noClick')}
            rows={gaps.data?.noClick}
            total={gaps.data?.noClick.length ?? 0}
            loading={gaps.isPending}
            page={1}
            pageSize={Math.max(1, gaps.data?.noClick.length ?? 1)}
            onPageChange={() => undefined}
            rowKey={(r) => r.query}
            empty={t('bo.search.nothing')}
            columns={gapColumns(true)}
          />
        </SimpleGrid>
        <Synonyms
          q={params.q}
          lang={params.synLang}
          page={Number(params.page) || 1}
          onFilter={(c) => setParams(c)}
          onAdd={() => setDraft({ lang: 'fr', term: '', key: Date.now() })}
        />
      </Stack>
    </>
  );
}

/** The synonym form, prefilled with a query that failed; the focus goes to what remains to type. */
function AddSynonym({ initial, onClose }: { initial: { lang: SynLang; term: string }; onClose: () => void }) {
  const { t } = useTranslation('catalog');
  const qc = useQueryClient();
  const id = useId();
  const [lang, setLang] = useState<SynLang>(initial.lang);
  const [term, setTerm] = useState(initial.term);
  const [expansion, setExpansion] = useState('');
  const [errors, setErrors] = useState<{ term?: string; expansion?: string }>({});
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);
  const add = useMutation({
    mutationFn: (b: { lang: SynLang; term: string; expansion: string }) => api<Synonym>('POST', '/catalog/synonyms', b),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['catalog', 'synonyms'] });
    },
  });
  const check = (v: string, max: number) =>
    !v.trim()
      ? t('bo.search.required')
      : v.trim().length > max
        ? t('bo.search.tooLong', { max })
        : !hasLetters(v)
          ? t('bo.search.letters')
          : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = { term: check(term, 80), expansion: check(expansion, 200) };
    setErrors(errs);
    if (errs.term || errs.expansion) {
      document.getElementById(errs.term ? `${id}-term` : `${id}-exp`)?.focus();
      return;
    }
    add.mutate({ lang, term: term.trim(), expansion: expansion.trim() });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`} data-testid="catalog-synonym-form">
      <Title order={2} size="h4" id={`${id}-title`} mb="sm">
        {t('bo.search.addTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {add.isSuccess && (
            <Alert color="green" role="status">
              {t('bo.search.added', { term: add.data.term, expansion: add.data.expansion })}
            </Alert>
          )}
          <ErrorAlert error={add.error} />
          <Text size="sm">{t('bo.search.addHint')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t('bo.search.synLang')}
              value={lang}
              onChange={(e) => setLang(e.currentTarget.value as SynLang)}
              data={SYNONYM_LANGS.map((l) => ({ value: l, label: t(`bo.search.synLangs.${l}`) }))}
            />
            <TextInput
              id={`${id}-term`}
              label={t('bo.search.term')}
              value={term}
              dir="auto"
              required
              maxLength={80}
              error={errors.term}
              onChange={(e) => setTerm(e.currentTarget.value)}
            />
            <TextInput
              ref={first}
              id={`${id}-exp`}
              label={t('bo.search.expansion')}
              description={t('bo.search.expansionHint')}
              value={expansion}
              dir="auto"
              required
              maxLength={200}
              error={errors.expansion}
              onChange={(e) => setExpansion(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Group gap="xs">
            <Button type="submit" loading={add.isPending}>
              {t('bo.search.addSubmit')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('bo.close')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Synonyms(props: {
  q: string;
  lang: string;
  page: number;
  onFilter: (c: { q?: string; synLang?: string; page?: string }) => void;
  onAdd: () => void;
}) {
  const { t } = useTranslation('catalog');
  const qc = useQueryClient();
  const [q, setQ] = useState(props.q);
  const qs = new URLSearchParams({ page: String(props.page), pageSize: String(SYN_PAGE) });
  if (props.q) qs.set('q', props.q);
  if (props.lang) qs.set('lang', props.lang);
  const list = useQuery({
    queryKey: ['catalog', 'synonyms', props.q, props.lang, props.page],
    queryFn: () => api<{ items: Synonym[]; total: number }>('GET', `/catalog/synonyms?${qs}`),
  });
  const remove = useMutation({
    mutationFn: (s: Synonym) => api('DELETE', `/catalog/synonyms/${s.id}`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['catalog', 'synonyms'] });
    },
  });
  return (
    <section aria-labelledby="synonyms-title">
      <Group justify="space-between" align="flex-end" mb="xs" wrap="wrap">
        <Title order={2} size="h4" id="synonyms-title">
          {t('bo.search.synonyms')}
        </Title>
        <Button variant="light" onClick={props.onAdd}>
          {t('bo.search.addTitle')}
        </Button>
      </Group>
      <form
        role="search"
        aria-label={t('bo.search.synSearch')}
        onSubmit={(e) => {
          e.preventDefault();
          props.onFilter({ q: q.trim() });
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap" mb="sm">
          <TextInput
            label={t('bo.search.synSearch')}
            value={q}
            maxLength={80}
            dir="auto"
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('bo.search.synLang')}
            value={props.lang}
            onChange={(e) => props.onFilter({ synLang: e.currentTarget.value })}
            data={[
              { value: '', label: t('bo.search.allLangs') },
              ...SYNONYM_LANGS.map((l) => ({ value: l, label: t(`bo.search.synLangs.${l}`) })),
            ]}
          />
          <Button type="submit" variant="default">
            {t('bo.search.find')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={remove.error} />
      {remove.isSuccess && (
        <Text role="status" size="sm" mb="xs">
          {t('bo.search.deleted')}
        </Text>
      )}
      <DataTable
        testId="catalog-synonyms"
        caption={t('bo.search.synonyms')}
        captionHidden
        rows={list.data?.items}
        total={list.data?.total ?? 0}
        loading={list.isPending}
        error={list.error}
        page={props.page}
        pageSize={SYN_PAGE}
        onPageChange={(p) => props.onFilter({ page: String(p) })}
        rowKey={(s) => s.id}
        empty={t('bo.search.noSynonym')}
        columns={[
          {
            key: 'lang',
            header: t('bo.search.synLang'),
            render: (s: Synonym) => t(`bo.search.synLangs.${s.lang}`, { defaultValue: s.lang }),
          },
          { key: 'term', header: t('bo.search.term'), render: (s: Synonym) => <span dir="auto">{s.term}</span> },
          { key: 'exp', header: t('bo.search.expansion'), render: (s: Synonym) => <span dir="auto">{s.expansion}</span> },
          {
            key: 'del',
            header: t('bo.search.action'),
            render: (s: Synonym) => (
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                loading={remove.isPending && remove.variables?.id === s.id}
                onClick={() => {
                  if (window.confirm(t('bo.search.confirmDelete', { term: s.term, expansion: s.expansion }))) remove.mutate(s);
                }}
                aria-label={t('bo.search.deleteFor', { term: s.term, expansion: s.expansion })}
              >
                {t('bo.search.delete')}
              </Button>
            ),
          },
        ]}
      />
    </section>
  );
}

export const Component = SearchQualityPage;
