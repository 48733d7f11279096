import { useEffect, useId, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/ErrorAlert';
import { TextField } from '../../../web/forms/Field';
import { useForm } from '../../../web/forms/useForm';
import { useMe } from '../../../web/session';
import { ReportBody } from '../contract';
import type { PublicProcedure } from './types';

const today = () => new Date().toISOString().slice(0, 10);

interface OrgChoice {
  code: string;
  name: string;
}
interface OrgItem {
  code: string;
  nameFr: string;
  nameAr: string;
  active: boolean;
}

/**
 * The administrations a person may name: the ones the page lists as competent, then the ones whose
 * name matches what they typed (public `GET /orgs?q=`, after a pause in typing).
 */
function useOrgChoices(procedure: PublicProcedure, typed: string): OrgChoice[] {
  const [found, setFound] = useState<OrgChoice[]>([]);
  const q = typed.trim();
  useEffect(() => {
    if (q.length < 3) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api<{ items: OrgItem[] }>('GET', `/orgs?q=${encodeURIComponent(q)}&pageSize=6`)
        .then((r) => {
          if (live)
            setFound(
              r.items.filter((o) => o.active).map((o) => ({ code: o.code, name: procedure.lang === 'ar' ? o.nameAr : o.nameFr })),
            );
        })
        .catch(() => live && setFound([]));
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, procedure.lang]);
  const listed = procedure.competence.flatMap((c) => c.orgs);
  const all = [...listed, ...found];
  return all.filter((o, i) => all.findIndex((x) => x.code === o.code) === i);
}

/**
 * Law 55.19: a person reports that an administration asked for a document this procedure does not
 * list. The report reaches that administration's back office; its answer shows in "my reports".
 */
export function ReportUnlisted({ procedure }: { procedure: PublicProcedure }) {
  const { t } = useTranslation('catalog');
  const { data: me } = useMe();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const pickId = useId();
  const form = useForm(
    ReportBody,
    { orgCode: '', orgText: '', document: '', occurredOn: today(), comment: '' },
    {
      ns: 'catalog',
      // A recognised administration receives the report itself; else the procedure's owner does.
      toInput: (v) => ({
        ...(v.orgCode ? { orgCode: v.orgCode } : {}),
        ...(v.orgText.trim() || !v.orgCode ? { orgText: v.orgText.trim() } : {}),
        document: v.document.trim(),
        occurredOn: v.occurredOn,
        ...(v.comment.trim() ? { comment: v.comment.trim() } : {}),
      }),
    },
  );

  const choices = useOrgChoices(procedure, open ? form.values.orgText : '');
  // A choice that left the list (the text changed) is no longer the one sent.
  const picked = choices.some((o) => o.code === form.values.orgCode) ? form.values.orgCode : '';
  useEffect(() => {
    if (form.values.orgCode && !picked) form.set('orgCode', '');
  });

  return (
    <section className="panel" aria-labelledby="report-title" id="report">
      <h2 id="report-title">{t('report.title')}</h2>
      <p>{t('report.intro')}</p>
      {!me ? (
        <p>
          <Link to={`/signin?next=${encodeURIComponent(`${pathname}#report`)}`}>{t('report.signIn')}</Link>
        </p>
      ) : sent ? (
        <p role="status">
          {t('report.sent')} <Link to="/me/reports">{t('report.follow')}</Link>
        </p>
      ) : !open ? (
        <button type="button" className="btn" onClick={() => setOpen(true)} aria-expanded={false}>
          {t('report.open')}
        </button>
      ) : (
        <form
          noValidate
          onSubmit={form.submit(async (body) => {
            await api('POST', `/catalog/procedures/${encodeURIComponent(procedure.slug)}/reports`, body);
            setSent(true);
          })}
        >
          <ErrorAlert error={form.error} />
          <TextField form={form} name="orgText" label={t('report.org')} hint={t('report.orgHint')} autoComplete="off" />
          <fieldset
            className="rating org-choices"
            style={{ flexDirection: 'column', marginBlock: 'var(--space-2)' }}
            aria-describedby={`${pickId}-hint`}
            data-testid="catalog-report-orgs"
          >
            <legend>{t('report.orgPick')}</legend>
            <p id={`${pickId}-hint`} className="hint">
              {t('report.orgPickHint')}
            </p>
            {choices.map((o) => (
              <label key={o.code}>
                <input
                  type="radio"
                  name={`${pickId}-org`}
                  value={o.code}
                  checked={picked === o.code}
                  onChange={() => form.set('orgCode', o.code)}
                />{' '}
                {o.name}
              </label>
            ))}
            <label>
              <input
                type="radio"
                name={`${pickId}-org`}
                value=""
                checked={picked === ''}
                onChange={() => form.set('orgCode', '')}
              />{' '}
              {t('report.orgNone', { owner: procedure.owner.name })}
            </label>
          </fieldset>
          <TextField form={form} name="document" label={t('report.document')} autoComplete="off" />
          <TextField form={form} name="occurredOn" label={t('report.when')} type="date" max={today()} />
          <TextField form={form} name="comment" label={t('report.comment')} autoComplete="off" />
          <button type="submit" className="btn btn-primary" disabled={form.busy}>
            {form.busy ? t('report.sending') : t('report.send')}
          </button>
        </form>
      )}
    </section>
  );
}
