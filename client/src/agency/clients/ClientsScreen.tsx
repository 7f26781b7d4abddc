/**
 * Clients (`/agency/clients`): the agency's clients, each with whether their profile consent is on and what
 * their advisors noted from a conversation (every role reads; editors and admins write), then, for editors
 * and admins, the invitations that make new clients. The console never sees where a client is, what they
 * did or what they booked: the server sends none of it.
 */
import type { AgencyClientList } from '@escale/shared';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../../profile/failure-text.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { ClientCard } from './ClientCard.tsx';
import { getClients } from './clients-api.ts';
import { InvitationsSection } from './InvitationsSection.tsx';

export function ClientsScreen({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [list, setList] = useState<AgencyClientList | null>(null);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    (q: string) =>
      void getClients(q).then(
        (l) => {
          setList(l);
          setError(null);
        },
        (e: unknown) => setError(failureText(e, t)),
      ),
    [t],
  );
  useEffect(() => load(''), [load]);
  const find = (e: FormEvent) => {
    e.preventDefault();
    load(search);
  };

  return (
    <div className="page console-page">
      <h1>{t('agency.clients')}</h1>
      <p className="lead">{t('clientNotes.lead')}</p>
      <ErrorNotice error={error} />
      <section className="mydata-section" aria-labelledby="client-list">
        <h2 id="client-list">{t('clientNotes.listTitle')}</h2>
        <p className="muted">{canEdit ? t('clientNotes.rolesEditor') : t('clientNotes.rolesViewer')}</p>
        <form className="console-form console-form-row" role="search" onSubmit={find}>
          <label className="field">
            <span className="field-label">{t('clientNotes.search')}</span>
            <input className="input" type="search" maxLength={80} value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
          <button type="submit" className="button">
            {t('clientNotes.find')}
          </button>
        </form>
        {!list ? (
          !error && <p className="muted">{t('app.loading')}</p>
        ) : list.clients.length === 0 ? (
          <p className="muted">{search.trim() ? t('clientNotes.noMatch') : t('clientNotes.noClients')}</p>
        ) : (
          <>
            {list.total > list.clients.length && <p className="muted">{t('clientNotes.firstOf', { shown: list.clients.length, count: list.total })}</p>}
            <ul className="client-list">
              {list.clients.map((client) => (
                <ClientCard key={client.id} client={client} choices={list.choices} canEdit={canEdit} onChanged={() => load(search)} />
              ))}
            </ul>
          </>
        )}
      </section>
      {canEdit && <InvitationsSection />}
    </div>
  );
}
