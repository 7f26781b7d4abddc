/**
 * Interests as chips to tick: what the traveller likes, or what they would rather not be suggested. A chip
 * is a real checkbox (a screen reader says "Museum, checkbox, checked"), drawn as a pill.
 */
import type { InterestRef } from '@escale/shared';
import { useLocale } from '../i18n/use-locale.ts';
import { interestName } from '../mydata/interest-name.ts';
import { type ProfileDraft, type Stance, stanceOf, withStance } from './draft.ts';

interface Props {
  legend: string;
  hint?: string;
  interests: readonly InterestRef[];
  stance: Stance;
  draft: ProfileDraft;
  onChange(draft: ProfileDraft): void;
}

export function InterestPicker({ legend, hint, interests, stance, draft, onChange }: Props) {
  const locale = useLocale();
  if (interests.length === 0) return null;
  return (
    <fieldset className="interest-picker">
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      <div className={`chips chips-${stance}`}>
        {interests.map((interest) => {
          const checked = stanceOf(draft, interest) === stance;
          return (
            <label key={`${interest.kind}:${interest.id}`} className="chip">
              <input type="checkbox" checked={checked} onChange={(e) => onChange(withStance(draft, interest, e.target.checked ? stance : null))} />
              <span>
                {/* The tick or cross is drawn, not read: the checkbox already says "checked". */}
                <span className="chip-mark" aria-hidden="true" />
                {capitalise(interestName(interest, locale))}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** "la cuisine japonaise" → "La cuisine japonaise": a chip reads as a label, not a phrase. */
function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
