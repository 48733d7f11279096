import { useState } from 'react';
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
  const form = useForm(
    ReportBody,
    { orgText: '', document: '', occurredOn: today(), comment: '' },
    {
      ns: 'catalog',
      toInput: (v) => ({
        orgText: v.orgText.trim(),
        document: v.document.trim(),
        occurredOn: v.occurredOn,
        ...(v.comment.trim() ? { comment: v.comment.trim() } : {}),
      }),
    },
  );

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
