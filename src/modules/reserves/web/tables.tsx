import type { ReactNode } from 'react';
import { Paper, Table, Text, Title } from '@mantine/core';

/**
 * A table of a reserves screen: scrolls sideways inside its box on a phone, and that box is
 * focusable and named so the keyboard can scroll it (WCAG 2.1.1); the caption (for screen
 * readers) and the column headers come from `label` and `columns`; `children` are the rows.
 */
export function ScrollTable({
  label,
  columns,
  minWidth,
  testId,
  mt,
  children,
}: {
  label: string;
  columns: ReactNode[];
  minWidth: number;
  testId?: string;
  /** Space above (under a chart). */
  mt?: 'xs' | 'sm' | 'md';
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="group" aria-label={label}>
      <Table verticalSpacing={4} mt={mt} data-testid={testId}>
        <Table.Caption className="sr-only">{label}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              <Table.Th key={i} scope="col">
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A titled section of a reserves screen; `empty` (when given) replaces its content. */
export function Section({
  id,
  title,
  empty,
  children,
}: {
  id: string;
  title: string;
  empty?: string | null;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {empty ? <Text size="sm">{empty}</Text> : children}
    </Paper>
  );
}
