import { useCallback, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Group, Pagination, Table, Text } from '@mantine/core';
import { ErrorAlert } from '../components/ErrorAlert';
import './texts';
import './shell.css';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  /** Hidden on phones (< 36em) to keep the table readable at 360 px. */
  hideOnPhone?: boolean;
}

export interface DataTableProps<T> {
  /** Says what the table lists (read by screen readers; shown unless `captionHidden`). */
  caption: string;
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  /** Total number of rows on the server (for the pagination). */
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  loading?: boolean;
  error?: unknown;
  /** Shown when there is no row (default: "No results."). */
  empty?: ReactNode;
  testId?: string;
}

/**
 * A server-paginated table for back-office lists (Mantine `Table` + `Pagination`): the caller
 * fetches one page (`?page=&pageSize=` of the API, `{ items, total }` back) and passes it here.
 * Scrolls sideways inside its box on narrow screens, says "1–50 of 230", labels every pagination
 * control for screen readers, and announces loading. Filters live in the URL with `useListParams`.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation('shell');
  const { rows, columns, total, page, pageSize } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <div data-testid={props.testId} aria-busy={props.loading || undefined}>
      <ErrorAlert error={props.error} />
      {/* Focusable and named (a group, not a landmark), so a table wider than a phone scrolls with the keyboard (WCAG 2.1.1). */}
      <Table.ScrollContainer minWidth={0} tabIndex={0} role="group" aria-label={props.caption}>
        <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
          <Table.Caption className={props.captionHidden ? 'sr-only' : 'table-caption'}>{props.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} scope="col" className={c.hideOnPhone ? 'hide-phone' : undefined}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(rows ?? []).map((row) => (
              <Table.Tr key={props.rowKey(row)}>
                {columns.map((c) => (
                  <Table.Td key={c.key} className={c.hideOnPhone ? 'hide-phone' : undefined}>
                    {c.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {props.loading && !rows ? (
        <Text role="status" size="sm" c="dimmed" mt="xs">
          {t('loading')}
        </Text>
      ) : rows && rows.length === 0 ? (
        <Text role="status" size="sm" mt="xs">
          {props.empty ?? t('pagination.none')}
        </Text>
      ) : null}
      {total > 0 && (
        <Group justify="space-between" mt="sm" gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed" role="status">
            {t('pagination.range', { from, to, total })}
          </Text>
          {pages > 1 && (
            <nav aria-label={t('pagination.label')}>
              <Pagination
                total={pages}
                value={page}
                onChange={props.onPageChange}
                siblings={1}
                boundaries={1}
                size="sm"
                withEdges={pages > 5}
                getItemProps={(p) => ({
                  'aria-label': t('pagination.page', { page: p }),
                  'aria-current': p === page ? 'page' : undefined,
                })}
                getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
              />
            </nav>
          )}
        </Group>
      )}
    </div>
  );
}

/**
 * List state kept in the URL (`?q=…&page=2`), so a filtered page can be bookmarked, shared and
 * restored with the Back button. Changing a filter goes back to page 1.
 *
 *     const [params, setParams] = useListParams({ q: '', page: '1' });
 */
export function useListParams<K extends string>(
  defaults: Record<K, string>,
): [Record<K, string>, (changes: Partial<Record<K, string>>) => void] {
  const [search, setSearch] = useSearchParams();
  const values = useMemo(() => {
    const out = { ...defaults };
    for (const k of Object.keys(defaults) as K[]) {
      const v = search.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }, [search]);
  const set = useCallback(
    (changes: Partial<Record<K, string>>) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes) as [K, string | undefined][]) {
            if (v === undefined || v === '' || v === defaults[k]) next.delete(k);
            else next.set(k, v);
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );
  return [values, set];
}
