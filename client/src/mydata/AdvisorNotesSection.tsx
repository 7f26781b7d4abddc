/**
 * "What your advisor noted": what the traveller told their agency's advisors, as noted, each with who and
 * when. It counts in their ideas like their own answers (their own word wins where they differ), so each
 * note can be corrected (it is theirs from then on) or erased, here.
 */
import type { AdvisorNote, ProfileChoices, TravellerProfile } from '@escale/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contentFrom, type NoteDraft, noteDraftFrom } from '../profile/note-draft.ts';
import { NoteFields } from '../profile/NoteFields.tsx';
import { formatDay, NoteSummary } from '../profile/NoteSummary.tsx';
import { useLocale } from '../i18n/use-locale.ts';
import { getProfile } from '../profile/profile-api.ts';
import { failureText } from '../profile/failure-text.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { correctAdvisorNote, eraseAdvisorNote } from './privacy-api.ts';

interface Props {
  notes: AdvisorNote[];
  own: TravellerProfile | null;
  profileConsent: boolean;
  /** After a correction or an erasure: the page reads everything again. */
  onChanged(): void;
}

export function AdvisorNotesSection({ notes, own, profileConsent, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState<{ id: string; draft: NoteDraft; choices: ProfileChoices } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(failureText(e, t));

  const startCorrecting = (note: AdvisorNote) => {
    // The choices of the traveller's city, as their own profile editor offers them.
    getProfile().then((body) => {
      setError(null);
      setEditing({ id: note.id, draft: noteDraftFrom(note), choices: body.choices });
    }, fail);
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const checked = contentFrom(editing.draft);
    if (!checked.ok) return setError(checked.fields.includes('note') ? t('note.empty.traveller') : t('profile.invalid', { fields: checked.fields.join(', ') }));
    correctAdvisorNote(editing.id, checked.content).then(() => {
      setEditing(null);
      setError(null);
      onChanged();
    }, fail);
  };
  const erase = (note: AdvisorNote) => void eraseAdvisorNote(note.id).then(onChanged, fail);

  return (
    <section className="mydata-section" aria-labelledby="mydata-advisor-notes">
      <h2 id="mydata-advisor-notes">{t('advisorNotes.title')}</h2>
      <p>{t('advisorNotes.lead')}</p>
      <ErrorNotice error={error} />
      {!profileConsent ? (
        <p className="muted">{t('advisorNotes.consentOff')}</p>
      ) : notes.length === 0 ? (
        <p className="muted">{t('advisorNotes.none')}</p>
      ) : (
        <ul className="note-list">
          {notes.map((note) => (
            <li key={note.id} className="note-card" aria-label={t('advisorNotes.noteLabel', { name: note.notedBy })}>
              {editing?.id === note.id ? (
                <form className="note-form" onSubmit={save} aria-label={t('advisorNotes.correctTitle')}>
                  <h3>{t('advisorNotes.correctTitle')}</h3>
                  <NoteFields choices={editing.choices} draft={editing.draft} voice="traveller" onChange={(draft) => setEditing({ ...editing, draft })} />
                  <div className="note-actions">
                    <button type="submit" className="button button-primary">
                      {t('advisorNotes.saveCorrection')}
                    </button>
                    <button type="button" className="button button-quiet" onClick={() => setEditing(null)}>
                      {t('advisorNotes.cancel')}
                    </button>
                  </div>
                </form>
              ) : (
                <>
                  <NoteSummary note={note} own={own} reader="traveller" />
                  <div className="note-actions">
                    <button
                      type="button"
                      className="button"
                      onClick={() => startCorrecting(note)}
                      aria-label={t('advisorNotes.correctLabel', { name: note.notedBy, when: formatDay(note.notedAt, locale) })}
                    >
                      {t('advisorNotes.correct')}
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => erase(note)}
                      aria-label={t('advisorNotes.eraseLabel', { name: note.notedBy, when: formatDay(note.notedAt, locale) })}
                    >
                      {t('advisorNotes.erase')}
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
