/** Who is travelling: how many adults, the children's ages, and whether someone needs wheelchair access. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CHILDREN, type ProfileDraft, withChild, withoutChild } from './draft.ts';

const AGES = Array.from({ length: 18 }, (_, i) => i);

/** `legend`: the group's name when it is not the traveller's own party ("Their party", in an advisor's note). */
export function PartyFields({ draft, onChange, legend }: { draft: ProfileDraft; onChange(draft: ProfileDraft): void; legend?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [newAge, setNewAge] = useState(6);
  const party = draft.party;
  const wheelchair = party.accessibility.includes('wheelchair');
  return (
    <fieldset className="party-fields">
      <legend>{legend ?? t('profile.party')}</legend>
      <label className="field" htmlFor={`${id}-adults`}>
        <span>{t('profile.adults')}</span>
        <input
          id={`${id}-adults`}
          className="input"
          type="number"
          inputMode="numeric"
          min={1}
          max={20}
          value={party.adults}
          onChange={(e) => onChange({ ...draft, party: { ...party, adults: Math.round(Number(e.target.value)) } })}
        />
      </label>
      <div className="children">
        <p id={`${id}-children`}>{party.childrenAges.length === 0 ? t('profile.noChildren') : t('profile.children', { count: party.childrenAges.length })}</p>
        {party.childrenAges.length > 0 && (
          <ul aria-labelledby={`${id}-children`}>
            {party.childrenAges.map((age, i) => (
              <li key={i}>
                {t('profile.childAge', { count: age })}
                <button type="button" className="link-button" onClick={() => onChange(withoutChild(draft, i))} aria-label={t('profile.removeChild', { count: age })}>
                  {t('profile.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {party.childrenAges.length < MAX_CHILDREN && (
          <div className="add-child">
            <label htmlFor={`${id}-age`}>{t('profile.newChildAge')}</label>
            <select id={`${id}-age`} className="input" value={newAge} onChange={(e) => setNewAge(Number(e.target.value))}>
              {AGES.map((age) => (
                <option key={age} value={age}>
                  {t('profile.childAge', { count: age })}
                </option>
              ))}
            </select>
            <button type="button" className="button" onClick={() => onChange(withChild(draft, newAge))}>
              {t('profile.addChild')}
            </button>
          </div>
        )}
      </div>
      <label className="check-row">
        <input
          type="checkbox"
          checked={wheelchair}
          onChange={(e) =>
            onChange({ ...draft, party: { ...party, accessibility: e.target.checked ? [...party.accessibility, 'wheelchair'] : party.accessibility.filter((a) => a !== 'wheelchair') } })
          }
        />
        <span>
          {t('profile.wheelchair')}
          <small className="field-hint">{t('profile.wheelchairHint')}</small>
        </span>
      </label>
    </fieldset>
  );
}
