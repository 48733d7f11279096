import type { RequestContext } from '../../../core/access/context';
import type { DashboardViewT } from '../dashboard/contract';
import type { Cell } from './csv';
import { categoryLabel, tx } from './texts';
import type { SheetSpec } from './xlsx';

type Lang = RequestContext['lang'];

/**
 * The dashboard as one flat table: first the scope's figures per category (every column filled),
 * then per platform (nation) or warehouse (region, platform): one line per category with its
 * quantity, and a line "all categories" with households, days of cover, in transit and expiring.
 */
export function dashboardCsvRows(lang: Lang, d: DashboardViewT): { header: Cell[]; rows: Cell[][] } {
  const header = [
    tx(lang, 'level'),
    tx(lang, 'code'),
    tx(lang, 'name'),
    tx(lang, 'region'),
    tx(lang, 'category'),
    tx(lang, 'quantity'),
    tx(lang, 'households'),
    tx(lang, 'perDay'),
    tx(lang, 'cover'),
    tx(lang, 'inTransit'),
    tx(lang, 'expiring'),
  ];
  const scopeLevel = d.scope.kind === 'nation' ? tx(lang, 'nation') : tx(lang, 'scopeLevel');
  const rows: Cell[][] = d.categories.map((c) => [
    scopeLevel,
    d.scope.code,
    d.scope.name,
    d.scope.regionCode,
    categoryLabel(lang, c.category),
    c.quantity,
    c.households,
    c.dispatchedPerDay,
    c.coverDays,
    c.inTransit,
    c.expiring,
  ]);
  rows.push([
    scopeLevel,
    d.scope.code,
    d.scope.name,
    d.scope.regionCode,
    tx(lang, 'all'),
    d.totals.quantity,
    d.totals.households,
    null,
    d.totals.coverDays,
    d.totals.inTransit,
    d.totals.expiring,
  ]);
  for (const b of d.breakdown) {
    const level = b.kind === 'platform' ? tx(lang, 'platformLevel') : tx(lang, 'warehouseLevel');
    for (const c of d.categories)
      rows.push([
        level,
        b.code,
        b.name,
        b.regionCode,
        categoryLabel(lang, c.category),
        b.byCategory[c.category] ?? 0,
        null,
        null,
        null,
        null,
        null,
      ]);
    rows.push([
      level,
      b.code,
      b.name,
      b.regionCode,
      tx(lang, 'all'),
      b.quantity,
      b.households,
      null,
      b.coverDays,
      b.inTransit,
      b.expiring,
    ]);
  }
  return { header, rows };
}

/** Four sheets: by category, comparison (a column per category), expiring lots, in transit. */
export function dashboardSheets(lang: Lang, d: DashboardViewT): SheetSpec[] {
  const cats = d.categories.map((c) => c.category);
  return [
    {
      name: tx(lang, 'sheetCategories'),
      columns: [
        { header: tx(lang, 'category'), width: 18 },
        { header: tx(lang, 'quantity'), numeric: true },
        { header: tx(lang, 'households'), width: 22, numeric: true },
        { header: tx(lang, 'perDay'), numeric: true },
        { header: tx(lang, 'cover'), numeric: true },
        { header: tx(lang, 'inTransit'), numeric: true },
        { header: tx(lang, 'expiring'), numeric: true },
      ],
      rows: [
        ...d.categories.map((c) => [
          categoryLabel(lang, c.category),
          c.quantity,
          c.households,
          c.dispatchedPerDay,
          c.coverDays,
          c.inTransit,
          c.expiring,
        ]),
        [
          tx(lang, 'all'),
          d.totals.quantity,
          d.totals.households,
          null,
          d.totals.coverDays,
          d.totals.inTransit,
          d.totals.expiring,
        ],
      ],
    },
    {
      name: tx(lang, 'sheetCompare'),
      columns: [
        { header: tx(lang, 'code'), width: 10 },
        { header: tx(lang, 'name'), width: 40 },
        { header: tx(lang, 'region'), width: 10 },
        ...cats.map((c) => ({ header: categoryLabel(lang, c), numeric: true })),
        { header: tx(lang, 'quantity'), numeric: true },
        { header: tx(lang, 'households'), width: 22, numeric: true },
        { header: tx(lang, 'cover'), numeric: true },
        { header: tx(lang, 'inTransit'), numeric: true },
        { header: tx(lang, 'expiring'), numeric: true },
      ],
      rows: d.breakdown.map((b) => [
        b.code,
        b.name,
        b.regionCode,
        ...cats.map((c) => b.byCategory[c] ?? 0),
        b.quantity,
        b.households,
        b.coverDays,
        b.inTransit,
        b.expiring,
      ]),
    },
    {
      name: tx(lang, 'sheetExpiring'),
      columns: [
        { header: tx(lang, 'platform'), width: 10 },
        { header: tx(lang, 'warehouse'), width: 12 },
        { header: tx(lang, 'product'), width: 18 },
        { header: tx(lang, 'productName'), width: 40 },
        { header: tx(lang, 'category'), width: 16 },
        { header: tx(lang, 'lot'), width: 18 },
        { header: tx(lang, 'expiresOn'), width: 12 },
        { header: tx(lang, 'daysLeft'), numeric: true },
        { header: tx(lang, 'quantity'), numeric: true },
      ],
      rows: d.expiring.map((e) => [
        e.platform,
        e.warehouse,
        e.product,
        e.productName,
        categoryLabel(lang, e.category),
        e.lot,
        e.expiresOn,
        e.daysLeft,
        e.quantity,
      ]),
    },
    {
      name: tx(lang, 'sheetTransit'),
      columns: [
        { header: tx(lang, 'kind'), width: 12 },
        { header: tx(lang, 'reference'), width: 38 },
        { header: tx(lang, 'from'), width: 12 },
        { header: tx(lang, 'to'), width: 12 },
        { header: tx(lang, 'product'), width: 18 },
        { header: tx(lang, 'productName'), width: 40 },
        { header: tx(lang, 'quantity'), numeric: true },
        { header: tx(lang, 'expectedAt'), width: 22 },
        { header: tx(lang, 'late'), width: 8 },
      ],
      rows: d.inTransit.map((t) => [
        tx(lang, t.kind),
        t.reference,
        t.from,
        t.to,
        t.product,
        t.productName,
        t.quantity,
        t.expectedAt,
        t.late ? tx(lang, 'yes') : tx(lang, 'no'),
      ]),
    },
  ];
}
