/**
 * Picking what an item refers to (the place of an event or offer, what a promotion promotes) by typing a
 * few letters of its name: the matches are buttons below the field. A plain list of buttons rather than a
 * combobox widget: it reads and works the same with a keyboard, a screen reader and a mouse.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PickerOption {
  id: string;
  title: string;
  /** A second line (the address, the date), to tell two of the same name apart. */
  detail?: string;
}

interface Props {
  label: string;
  /** What is picked now, by name; null before anything is. */
  current: string | null;
  disabled?: boolean;
  search(q: string): Promise<PickerOption[]>;
  onPick(option: PickerOption): void;
}

export function Picker({ label, current, disabled, search, onPick }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<PickerOption[] | null>(null);
  useEffect(() => {
    if (q.trim().length < 2) return setOptions(null);
    let live = true;
    const timer = setTimeout(() => {
      search(q.trim()).then(
        (found) => live && setOptions(found),
        () => live && setOptions([]),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, search]);
  return (
    <div className="field picker">
      <label htmlFor={id}>{label}</label>
      <p className="picker-current" id={`${id}-current`}>
        {current ?? t('items.nothingPicked')}
      </p>
      {!disabled && (
        <>
          <input id={id} type="search" value={q} placeholder={t('items.searchToPick')} aria-describedby={`${id}-current`} onChange={(e) => setQ(e.target.value)} />
          {options && options.length === 0 && <p className="muted">{t('items.noMatch')}</p>}
          {options && options.length > 0 && (
            <ul className="picker-options" aria-label={t('items.matches')}>
              {options.map((o) => (
                <li key={o.id}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      onPick(o);
                      setQ('');
                    }}
                  >
                    {o.title}
                  </button>
                  {o.detail && <span className="muted"> · {o.detail}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
