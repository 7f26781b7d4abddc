/**
 * The agency's clientele joins by invitation (editors and admins; a part of the Clients screen): a note for
 * the staff ("Marie, Lisbon in May"), a one-time link to give the client, shown once; and every invitation
 * with what became of it.
 */
import type { Invitation, InvitationCreated } from '@escale/shared';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale.ts';
import { formatWhen } from '../../mydata/format-when.ts';
import { failureText } from '../../profile/failure-text.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { createInvitation, getInvitations } from '../agency-api.ts';

export function InvitationsSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [list, setList] = useState<Invitation[] | null>(null);
  const [note, setNote] = useState('');
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback((e: unknown) => setError(failureText(e, t)), [t]);
  const load = useCallback(() => void getInvitations().then((l) => setList(l.invitations), fail), [fail]);
  useEffect(load, [load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    createInvitation(note).then((answer) => {
      setCreated(answer);
      setNote('');
      setError(null);
      load();
    }, fail);
  };
  const stateOf = (i: Invitation) =>
    i.usedAt
      ? t('agency.invitationUsed', { when: formatWhen(i.usedAt, locale) })
      : new Date(i.expiresAt) <= new Date()
        ? t('agency.invitationExpired')
        : t('agency.invitationOpen', { when: formatWhen(i.expiresAt, locale) });

  return (
    <section className="mydata-section" aria-labelledby="new-invitation">
      <h2 id="new-invitation">{t('agency.inviteTitle')}</h2>
      <p>{t('agency.clientsLead')}</p>
      <ErrorNotice error={error} />
      <form className="console-form console-form-row" onSubmit={submit}>
        <label className="field">
          <span className="field-label">{t('agency.inviteNote')}</span>
          <input className="input" maxLength={120} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby="invite-note-hint" />
        </label>
        <button type="submit" className="button button-primary">
          {t('agency.inviteMake')}
        </button>
      </form>
      <p id="invite-note-hint" className="muted">
        {t('agency.inviteNoteHint')}
      </p>
      {created && (
        <div className="link-once" role="status">
          <p>{t('agency.inviteOnce')}</p>
          <input className="input" readOnly value={created.url} aria-label={t('agency.inviteLink')} onFocus={(e) => e.target.select()} />
        </div>
      )}
      {list && list.length > 0 && (
        <table className="console-table">
          <caption className="visually-hidden">{t('agency.invitations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agency.inviteNote')}</th>
              <th scope="col">{t('agency.invitationMade')}</th>
              <th scope="col">{t('agency.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.note || <span className="muted">{t('agency.noNote')}</span>}</th>
                <td>{formatWhen(i.createdAt, locale)}</td>
                <td>{stateOf(i)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
