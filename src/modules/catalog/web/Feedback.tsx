import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/ErrorAlert';

/** "Was this page useful?", then an optional rating and comment (anonymous allowed). */
export function Feedback({ slug, lang }: { slug: string; lang: string }) {
  const { t } = useTranslation('catalog');
  const [step, setStep] = useState<'ask' | 'more' | 'done'>('ask');
  const [useful, setUseful] = useState<boolean | null>(null);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const ids = { comment: useId(), rating: useId() };

  const send = async (body: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/catalog/procedures/${encodeURIComponent(slug)}/feedback`, { ...body, lang });
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const answer = async (value: boolean) => {
    setUseful(value);
    if (await send({ useful: value })) setStep('more');
  };

  const more = async (e: FormEvent) => {
    e.preventDefault();
    if (rating === null && !comment.trim()) return setStep('done');
    if (await send({ ...(rating !== null ? { rating } : {}), ...(comment.trim() ? { comment: comment.trim() } : {}) }))
      setStep('done');
  };

  return (
    <section className="panel feedback" aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t('feedback.title')}</h2>
      <ErrorAlert error={error} />
      {step === 'ask' && (
        <div className="btn-row" role="group" aria-labelledby="feedback-title">
          <button type="button" className="btn" disabled={busy} onClick={() => void answer(true)}>
            {t('feedback.yes')}
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => void answer(false)}>
            {t('feedback.no')}
          </button>
        </div>
      )}
      {step === 'more' && (
        <form onSubmit={(e) => void more(e)}>
          <p role="status">{t(useful ? 'feedback.thanksYes' : 'feedback.thanksNo')}</p>
          <fieldset className="rating">
            <legend id={ids.rating}>{t('feedback.rating')}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n}>
                <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} />{' '}
                {t('feedback.stars', { count: n })}
              </label>
            ))}
          </fieldset>
          <label htmlFor={ids.comment}>{t('feedback.comment')}</label>
          <textarea id={ids.comment} value={comment} maxLength={2000} rows={3} onChange={(e) => setComment(e.target.value)} />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('feedback.send')}
          </button>
        </form>
      )}
      {step === 'done' && <p role="status">{t('feedback.done')}</p>}
    </section>
  );
}
