import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, Card, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '../../../web/dates';
import { isLang } from '../../../web/i18n';
import { loadJson } from '../../../web/ssr/load';
import type { MyReport } from './types';

async function loader({ context }: LoaderFunctionArgs) {
  return loadJson<{ items: MyReport[]; total: number }>(context, '/catalog/my-reports');
}

// As in the back office's list; the light variant keeps the text readable (white on yellow was not: axe color-contrast).
const COLOR = { open: 'dark', answered: 'green', rejected: 'gray' } as const;

/** The reports of unlisted documents I made, and the administrations' answers. */
export function MyReports() {
  const { items } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('catalog');
  const lang = isLang(i18n.language) ? i18n.language : 'fr';
  return (
    <>
      <Title order={1} mb="md">
        {t('myReports.title')}
      </Title>
      {items.length === 0 ? (
        <Text>{t('myReports.none')}</Text>
      ) : (
        <Stack>
          {items.map((r) => (
            <Card key={r.id} id={`report-${r.id}`} withBorder component="article" aria-labelledby={`r-${r.id}`}>
              <Title order={2} size="h4" id={`r-${r.id}`}>
                <Link to={`/procedures/${r.slug}`}>{r.title[lang] ?? r.title.fr}</Link>
              </Title>
              <Text>
                {t('myReports.document', { document: r.document })} — {r.orgText ?? (lang === 'ar' ? r.org.nameAr : r.org.nameFr)}{' '}
                · {formatDate(r.occurredOn, false, lang)}
              </Text>
              <Badge color={COLOR[r.status]} variant="light" mt="xs">
                {t(`myReports.status.${r.status}`)}
              </Badge>
              {r.answer && (
                <Text mt="xs">
                  <strong>{t('myReports.answer')}</strong> {r.answer}
                  {r.answeredAt && <> ({formatDate(r.answeredAt, true, lang)})</>}
                </Text>
              )}
            </Card>
          ))}
        </Stack>
      )}
    </>
  );
}

export const route = { loader, Component: MyReports };
