/**
 * The fields of an advisor's note, as the advisor writes it in the console (`voice="advisor"`: "Places they
 * like") or as the traveller corrects it in My data (`voice="traveller"`: "Places you like"): the same
 * interests, party and budget fields as the profile, whether the client said who travels, and their words.
 */
import { ADVISOR_NOTE_LIMITS, type ProfileChoices } from '@escale/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BudgetField } from './ChoiceFields.tsx';
import type { ProfileDraft } from './draft.ts';
import { InterestsFields } from './InterestsFields.tsx';
import type { NoteDraft } from './note-draft.ts';
import { PartyFields } from './PartyFields.tsx';

interface Props {
  choices: ProfileChoices;
  draft: NoteDraft;
  voice: 'advisor' | 'traveller';
  onChange(draft: NoteDraft): void;
}

export function NoteFields({ choices, draft, voice, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const setProfile = (profile: ProfileDraft) => onChange({ ...draft, profile });
  const left = ADVISOR_NOTE_LIMITS.saidMaxChars - draft.said.length;
  return (
    <div className="note-fields">
      <InterestsFields choices={choices} draft={draft.profile} onChange={setProfile} words={voice === 'advisor' ? 'note' : 'profile'} />
      <label className="check-row">
        <input type="checkbox" checked={draft.partySaid} onChange={(e) => onChange({ ...draft, partySaid: e.target.checked })} />
        <span>
          {t(`note.partySaid.${voice}`)}
          <small className="field-hint">{t('note.partySaidHint')}</small>
        </span>
      </label>
      {draft.partySaid && <PartyFields draft={draft.profile} onChange={setProfile} legend={t(`note.party.${voice}`)} />}
      <BudgetField budget={draft.profile.budget} none={{ title: t('note.budgetNone'), detail: t('note.budgetNoneDetail') }} onChange={(budget) => setProfile({ ...draft.profile, budget })} />
      <label className="field" htmlFor={`${id}-said`}>
        <span className="field-label">{t(`note.said.${voice}`)}</span>
      </label>
      <textarea
        id={`${id}-said`}
        className="input note-said"
        rows={3}
        maxLength={ADVISOR_NOTE_LIMITS.saidMaxChars}
        value={draft.said}
        onChange={(e) => onChange({ ...draft, said: e.target.value })}
        aria-describedby={`${id}-said-hint`}
      />
      <p id={`${id}-said-hint`} className="field-hint">
        {t('note.saidLeft', { count: left })}
      </p>
    </div>
  );
}
