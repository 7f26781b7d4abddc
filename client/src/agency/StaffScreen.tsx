/**
 * The agency's staff (admins only): each member's role, changed in place; whether they have chosen their
 * password yet; removing one (their sessions end). Adding one gives a one-time link to pass on, shown once.
 * The server keeps one admin at least and says so.
 */
import { STAFF_ROLES, type StaffCreated, type StaffMember, type StaffRole } from '@escale/shared';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { failureText } from '../profile/failure-text.ts';
import { addStaff, getStaff, removeStaff, setStaffRole } from './agency-api.ts';

export function StaffScreen({ me }: { me: string }) {
  const { t } = useTranslation();
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<StaffCreated | null>(null);
  const [form, setForm] = useState<{ name: string; email: string; role: StaffRole }>({ name: '', email: '', role: 'editor' });

  const fail = useCallback((e: unknown) => setError(failureText(e, t)), [t]);
  const load = useCallback(() => void getStaff().then((list) => setStaff(list.staff), fail), [fail]);
  useEffect(load, [load]);

  const add = (e: FormEvent) => {
    e.preventDefault();
    addStaff(form).then((answer) => {
      setCreated(answer);
      setError(null);
      setForm({ name: '', email: '', role: 'editor' });
      load();
    }, fail);
  };
  const changeRole = (member: StaffMember, role: StaffRole) =>
    setStaffRole(member.id, role).then(() => {
      setError(null);
      load();
    }, fail);
  const remove = (member: StaffMember) => {
    if (!window.confirm(t('agency.removeConfirm', { name: member.name }))) return;
    removeStaff(member.id).then(() => {
      setError(null);
      load();
    }, fail);
  };

  return (
    <div className="page console-page">
      <h1>{t('agency.staff')}</h1>
      <p className="lead">{t('agency.staffLead')}</p>
      <ErrorNotice error={error} />
      {staff && (
        <table className="console-table">
          <caption className="visually-hidden">{t('agency.staff')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agency.name')}</th>
              <th scope="col">{t('agency.email')}</th>
              <th scope="col">{t('agency.role')}</th>
              <th scope="col">{t('agency.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('agency.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  {m.name}
                  {m.id === me && <span className="muted"> ({t('agency.you')})</span>}
                </th>
                <td>{m.email}</td>
                <td>
                  <select className="input" value={m.role} aria-label={t('agency.roleOf', { name: m.name })} onChange={(e) => void changeRole(m, e.target.value as StaffRole)}>
                    {STAFF_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`agency.roles.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{m.active ? t('agency.active') : t('agency.pending')}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => remove(m)} aria-label={t('agency.removeLabel', { name: m.name })}>
                    {t('agency.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="mydata-section" aria-labelledby="add-staff">
        <h2 id="add-staff">{t('agency.addTitle')}</h2>
        <form className="console-form console-form-row" onSubmit={add}>
          <label className="field">
            <span className="field-label">{t('agency.name')}</span>
            <input className="input" required maxLength={120} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">{t('agency.email')}</span>
            <input className="input" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
          </label>
          <div className="field">
            <label className="field-label" htmlFor="new-staff-role">
              {t('agency.role')}
            </label>
            <select id="new-staff-role" className="input" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as StaffRole })}>
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`agency.roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-primary">
            {t('agency.add')}
          </button>
        </form>
        <p className="muted">{t('agency.rolesHelp')}</p>
        {created && (
          <div className="link-once" role="status">
            <p>{t('agency.linkOnce', { name: created.member.name })}</p>
            <input className="input" readOnly value={created.setPasswordUrl} aria-label={t('agency.linkLabel', { name: created.member.name })} onFocus={(e) => e.target.select()} />
          </div>
        )}
      </section>
    </div>
  );
}
