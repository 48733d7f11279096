import { useTranslation } from 'react-i18next';
import './backoffice.css';
import type { DiffEntry, StaleFlag, VersionState } from '../../contract';
import { currentLang } from '../../../../web/i18n';

/** Shapes of the back-office API answers (src/modules/catalog/routes.ts, search/routes.ts). */
export interface TextValue {
  fr: string;
  ar: string;
  en?: string;
}

export interface ManagedRow {
  slug: string;
  ownerCode: string;
  latestVersion: number;
  state: VersionState;
  /** Effective date of the latest version (a scheduled version takes effect on it). */
  effectiveDate: string | null;
  title: TextValue;
  updatedAt: string;
  staleCount: number;
  publishedVersion: number | null;
}

export interface VersionSummary {
  id: string;
  number: number;
  state: VersionState;
  effectiveDate: string | null;
  changeNote: string | null;
  authorId: string | null;
  staleCount: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  archivedAt: string | null;
}

export interface ManagedProcedure {
  id: string;
  slug: string;
  ownerCode: string;
  title: TextValue | null;
  publishedVersion: number | null;
  /** The version published with a future effective date, waiting for it. */
  scheduledVersion: { number: number; effectiveDate: string | null } | null;
  versions: VersionSummary[];
  canEdit: boolean;
  canReview: boolean;
}

export interface AllowedAction {
  action: string;
  to: string;
  requiresComment: boolean;
}

/** A shared legal text (GET /catalog/manage/legal-texts). */
export interface LegalTextRef {
  id: string;
  code: string;
  kind: string;
  number: string | null;
  date: string | null;
  title: TextValue;
  reference: string | null;
  bulletin: string | null;
  url: string | null;
}

export interface ManagedVersion extends VersionSummary {
  slug: string;
  ownerCode: string;
  baseVersionId: string | null;
  content: Record<string, unknown>;
  stale: StaleFlag[];
  items: { id: string; kind: string; key: string; amountCentimes: number | null }[];
  refs: {
    legalTexts: LegalTextRef[];
    files: { id: string; filename: string; mimeType: string; sizeBytes: number }[];
    orgs: { code: string; nameFr: string; nameAr: string }[];
  };
  actions: AllowedAction[];
  history: {
    action: string;
    fromState: string | null;
    toState: string;
    actorId: string | null;
    comment: string | null;
    at: string;
  }[];
}

export interface VersionDiff {
  slug: string;
  number: number;
  against: number | null;
  changes: DiffEntry[];
}

export const enc = encodeURIComponent;
export const procPath = (slug: string) => `/catalog/manage/procedures/${enc(slug)}`;
export const versionPath = (slug: string, n: number) => `${procPath(slug)}/versions/${n}`;

/** The text of a value in the page's language (French when missing). */
export function pick(t: TextValue | null | undefined): string {
  if (!t) return '';
  const lang = currentLang();
  return (lang === 'ar' ? t.ar : lang === 'en' ? (t.en ?? t.fr) : t.fr) || t.fr;
}

/** Dates and numbers in the page's language (Latin digits in Arabic, as on the public pages). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'ar' ? 'ar-MA-u-nu-latn' : i18n.language === 'en' ? 'en-GB' : 'fr-FR';
  const date = (iso: string | null | undefined) =>
    iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso)) : '—';
  const dateTime = (iso: string | null | undefined) =>
    iso
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))
      : '—';
  const num = (n: number | null | undefined, digits = 0) =>
    n === null || n === undefined ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  const month = (m: string) =>
    new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
  return { date, dateTime, num, month, locale };
}

export const STATE_COLORS: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  changes_requested: 'dark',
  scheduled: 'indigo',
  published: 'green',
  archived: 'dark',
};

/** Today in Africa/Casablanca (`YYYY-MM-DD`), the calendar effective dates are read in. */
export const moroccoToday = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );

/** The label of a version's state; a scheduled version says from when it will be in force. */
export function useStateLabel() {
  const { t } = useTranslation('catalog');
  const f = useFormat();
  return (state: string, effectiveDate?: string | null) =>
    state === 'scheduled' && effectiveDate
      ? t('bo.scheduledOn', { date: f.date(effectiveDate) })
      : t(`bo.states.${state}`, { defaultValue: state });
}
