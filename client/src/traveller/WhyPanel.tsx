/**
 * "Why this suggestion?": a modal dialog that first says why in one plain sentence, then why it came now
 * (the push's trigger), then the signals that counted as bars with their evidence and the personal data
 * they read, each with its consent; signals that counted for nothing behind "Show all", and the figures
 * (value × weight) in a details view. Focus goes in on open and back to the button that opened it.
 */
import { type PersonalSignalId, renderEvidence, type Suggestion } from '@escale/shared';
import { Link } from 'react-router';
import { PATHS } from '../app/paths.ts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { SheetHead } from '../ui/SheetHead.tsx';
import { useModalDialog } from '../ui/use-modal-dialog.ts';
import { ContributionRow } from './ContributionRow.tsx';
import { CategoryIcon } from '../ui/CategoryIcon.tsx';
import { categoryLabel, countedContributions, orderedContributions } from './format.ts';
import { PushReason, type PushOrigin } from './PushReason.tsx';
import { ScoreDetails } from './ScoreDetails.tsx';
import { WhyLead } from './WhyLead.tsx';

interface Props {
  suggestion: Suggestion | null;
  /** What sent the push this suggestion came in. */
  origin: PushOrigin | null;
  onClose(): void;
  onOpenNotifications(): void;
  /** "What if" a personal signal were off (ContributionRow). */
  onSwitchOff?: (signal: PersonalSignalId) => void;
  /** The personal signals the traveller switched off: not computed, so not in the bars; said here. */
  signalsOff?: readonly PersonalSignalId[];
}

export function WhyPanel({ suggestion, origin, onClose, onOpenNotifications, onSwitchOff, signalsOff = [] }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const dialog = useModalDialog(suggestion !== null, onClose, { closeOnBackdrop: true });

  const [showAll, setShowAll] = useState(false);
  useEffect(() => setShowAll(false), [suggestion?.id]);

  const category = suggestion ? categoryLabel(suggestion, locale) : null;
  const ordered = suggestion ? orderedContributions(suggestion.contributions, suggestion.driver) : [];
  const counted = suggestion ? countedContributions(ordered, suggestion.driver) : [];
  const shown = showAll ? ordered : counted;
  const hidden = ordered.length - counted.length;
  return (
    <dialog ref={dialog.ref} className="sheet why" aria-labelledby="why-title" onCancel={dialog.onCancel} onClick={dialog.onClick}>
      {suggestion && category && (
        <div className="sheet-body">
          <SheetHead id="why-title" title={t('why.title')} closeLabel={t('why.close')} onClose={onClose} />
          <p className="why-subject">
            <CategoryIcon category={category.id} /> {suggestion.item.title} · {category.label}
          </p>
          {suggestion.promotion && (
            // A promotion is said first, with the agency's name, before any other reason.
            <p className="badge-promoted why-promoted">{renderEvidence(suggestion.promotion.label, locale)}</p>
          )}
          <WhyLead suggestion={suggestion} />
          {origin && <PushReason origin={origin} onOpenNotifications={onOpenNotifications} />}
          {suggestion.notes.length > 0 && (
            <section aria-labelledby="why-notes">
              <h3 id="why-notes" className="why-subtitle">
                {t('why.notes')}
              </h3>
              {suggestion.notes.map((note, i) => (
                <p key={i} className="why-note">
                  {renderEvidence(note, locale)}
                </p>
              ))}
            </section>
          )}
          <h3 className="why-subtitle">{t('why.contributions')}</h3>
          <ul className="contributions">
            {shown.map((c) => (
              <ContributionRow key={c.signal} contribution={c} driver={c.signal === suggestion.driver} {...(onSwitchOff ? { onSwitchOff } : {})} />
            ))}
          </ul>
          {hidden > 0 && (
            <button type="button" className="link-button why-show-all" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
              {showAll ? t('why.showCounted') : t('why.showAll', { count: hidden })}
            </button>
          )}
          {signalsOff.length > 0 && (
            <p className="why-off">
              {t('why.signalsOff', { signals: signalsOff.map((id) => t(`signal.${id}`)).join(', ') })} <Link to={PATHS.myData}>{t('why.changeInMyData')}</Link>
            </p>
          )}
          <ScoreDetails contributions={ordered} />
          <p className="why-more">
            <Link to={PATHS.howRanked}>{t('ranking.title')}</Link>
          </p>
        </div>
      )}
    </dialog>
  );
}
