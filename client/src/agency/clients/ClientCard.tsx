/**
 * One client in the console: their name, whether their profile consent is on, and what their advisors noted,
 * newest first. An editor notes what the client said (likes, dislikes, party, budget, needs, their words),
 * rewrites or deletes a note; while the consent is off nothing can be noted, and the form says why instead.
 */
import type { AdvisorNote, AgencyClient, ProfileChoices } from '@escale/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure } from '../../api/api.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { failureText } from '../../profile/failure-text.ts';
import { contentFrom, type NoteDraft, noteDraftFrom } from '../../profile/note-draft.ts';
import { NoteFields } from '../../profile/NoteFields.tsx';
import { formatDay, NoteSummary } from '../../profile/NoteSummary.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { addNote, deleteNote, editNote } from './clients-api.ts';

interface Props {
  client: AgencyClient;
  choices: ProfileChoices;
  canEdit: boolean;
  /** After a write: the list is read again. */
  onChanged(): void;
}

export function ClientCard({ client, choices, canEdit, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  // The note being written: a new one (`noteId` null) or one rewritten.
  const [form, setForm] = useState<{ noteId: string | null; draft: NoteDraft } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof ApiFailure && e.code === 'profile_consent_off' ? t('clientNotes.consentRefused', { name: client.name }) : failureText(e, t));

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    const checked = contentFrom(form.draft);
    if (!checked.ok) return setError(checked.fields.includes('note') ? t('note.empty.advisor') : t('profile.invalid', { fields: checked.fields.join(', ') }));
    (form.noteId ? editNote(client.id, form.noteId, checked.content) : addNote(client.id, checked.content)).then(() => {
      setForm(null);
      setError(null);
      onChanged();
    }, fail);
  };
  const remove = (note: AdvisorNote) => void deleteNote(client.id, note.id).then(onChanged, fail);
  const label = (key: string, note: AdvisorNote) => t(key, { name: note.notedBy, when: formatDay(note.notedAt, locale) });

  return (
    <li className="client-card" aria-labelledby={`${id}-name`}>
      <div className="client-head">
        <h3 id={`${id}-name`}>{client.name}</h3>
        <span className={client.profileConsent ? 'consent-badge consent-badge-on' : 'consent-badge consent-badge-off'}>
          {client.profileConsent ? t('clientNotes.consentOn') : t('clientNotes.consentOff')}
        </span>
      </div>
      <ErrorNotice error={error} />
      {client.notes.length === 0 ? (
        <p className="muted">{t('clientNotes.noNotes')}</p>
      ) : (
        <ul className="note-list" aria-label={t('clientNotes.notesOf', { name: client.name })}>
          {client.notes.map((note) => (
            <li key={note.id} className="note-card">
              {form?.noteId === note.id ? null : <NoteSummary note={note} reader="advisor" />}
              {canEdit && form?.noteId !== note.id && (
                <div className="note-actions">
                  {note.correctedAt === null ? (
                    <button type="button" className="button" onClick={() => setForm({ noteId: note.id, draft: noteDraftFrom(note) })} aria-label={label('clientNotes.editLabel', note)}>
                      {t('clientNotes.edit')}
                    </button>
                  ) : (
                    <span className="muted">{t('clientNotes.theirWord')}</span>
                  )}
                  <button type="button" className="button button-quiet" onClick={() => remove(note)} aria-label={label('clientNotes.deleteLabel', note)}>
                    {t('clientNotes.delete')}
                  </button>
                </div>
              )}
              {form?.noteId === note.id && <NoteForm form={form} choices={choices} onChange={setForm} onSave={save} onCancel={() => setForm(null)} />}
            </li>
          ))}
        </ul>
      )}
      {canEdit &&
        form?.noteId !== null &&
        (client.profileConsent ? (
          <button type="button" className="button button-primary" onClick={() => setForm({ noteId: null, draft: noteDraftFrom(null) })}>
            {t('clientNotes.add', { name: client.name })}
          </button>
        ) : (
          <>
            <button type="button" className="button" disabled aria-describedby={`${id}-why`}>
              {t('clientNotes.add', { name: client.name })}
            </button>
            <p id={`${id}-why`} className="field-hint">
              {t('clientNotes.needsConsent', { name: client.name })}
            </p>
          </>
        ))}
      {form?.noteId === null && <NoteForm form={form} choices={choices} onChange={setForm} onSave={save} onCancel={() => setForm(null)} />}
    </li>
  );
}

function NoteForm({
  form,
  choices,
  onChange,
  onSave,
  onCancel,
}: {
  form: { noteId: string | null; draft: NoteDraft };
  choices: ProfileChoices;
  onChange(form: { noteId: string | null; draft: NoteDraft }): void;
  onSave(e: FormEvent): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const title = form.noteId ? t('clientNotes.editTitle') : t('clientNotes.addTitle');
  return (
    <form className="note-form" onSubmit={onSave} aria-label={title}>
      <h4>{title}</h4>
      <p className="field-hint">{t('clientNotes.formHint')}</p>
      <NoteFields choices={choices} draft={form.draft} voice="advisor" onChange={(draft) => onChange({ ...form, draft })} />
      <div className="note-actions">
        <button type="submit" className="button button-primary">
          {t('clientNotes.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('clientNotes.cancel')}
        </button>
      </div>
    </form>
  );
}
