/** The budget (the `budget` signal and its hard rule) and the pace (the pause between unasked ideas), as radio groups. */
import { useTranslation } from 'react-i18next';
import { type Pace, PACES } from './draft.ts';

const BUDGETS = [null, 1, 2, 3, 4] as const;

/**
 * `titled`: a heading just above already says "Budget", so the group's name is not shown twice (it is still
 * read). `none`: what "no budget" means here when it is not "any price" (in a note: "not said").
 */
export function BudgetField({ budget, titled = false, none, onChange }: { budget: number | null; titled?: boolean; none?: { title: string; detail: string }; onChange(budget: number | null): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="radio-cards">
      <legend className={titled ? 'visually-hidden' : undefined}>{t('profile.budget')}</legend>
      <p className="field-hint">{t('profile.budgetHint')}</p>
      {BUDGETS.map((level) => (
        <label key={level ?? 'none'} className="radio-card">
          <input type="radio" name="budget" checked={budget === level} onChange={() => onChange(level)} />
          <span>
            <strong>{level === null ? (none?.title ?? t('profile.budgetNone')) : '€'.repeat(level)}</strong>
            <small>{level === null && none ? none.detail : t(`profile.budgetLevel.${level ?? 'none'}`)}</small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function PaceField({ pace, custom, onChange }: { pace: Pace | null; custom: number | null; onChange(pace: Pace): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="radio-cards">
      <legend>{t('profile.pace')}</legend>
      <p className="field-hint">{t('profile.paceHint')}</p>
      {(Object.keys(PACES) as Pace[]).map((p) => (
        <label key={p} className="radio-card">
          <input type="radio" name="pace" checked={pace === p} onChange={() => onChange(p)} />
          <span>
            <strong>{t(`profile.paces.${p}`)}</strong>
            <small>{t('profile.paceEvery', { count: PACES[p] })}</small>
          </span>
        </label>
      ))}
      {pace === null && custom !== null && <p className="field-hint">{t('profile.paceCustom', { count: custom })}</p>}
    </fieldset>
  );
}
