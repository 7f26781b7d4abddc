/**
 * The demo's side-by-side: the same moment ranked with the traveller's profile and with the variant (no
 * personal data, or one signal off). Each idea says where it stands against the other column — only here,
 * or how many places it moved — in words and arrows, never by colour alone; its Why opens in place, read
 * only (the demo shows the reasons, it does not change the settings).
 */
import { formatLocalTime, frenchAt, renderEvidence, type DemoComparison, type Suggestion } from '@escale/shared';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { ContributionRow } from '../traveller/ContributionRow.tsx';
import { categoryLabel, countedContributions, eventLine, orderedContributions, walkLine, type Line } from '../traveller/format.ts';
import { ScoreDetails } from '../traveller/ScoreDetails.tsx';
import { WhyLead } from '../traveller/WhyLead.tsx';
import { CategoryIcon } from '../ui/CategoryIcon.tsx';
import { diffComparison, itemKey, moveMark, type RowDiff } from './compare-diff.ts';

interface Props {
  comparison: DemoComparison;
  /** The trip's city clock: event times and the moment of the ranking are said on it. */
  timeZone: string;
  onLookInside(placeId: string): void;
}

export function CompareColumns({ comparison, timeZone, onLookInside }: Props) {
  const { t } = useTranslation();
  const { profiled, other, variant } = comparison;
  const diff = useMemo(() => diffComparison(profiled, other), [profiled, other]);
  const onlyProfiled = diff.profiled.filter((d) => d.kind === 'only').length;
  const onlyOther = diff.other.filter((d) => d.kind === 'only').length;
  const signal = variant === 'non_profiled' ? null : t(`signal.${variant}`);

  return (
    <div className="compare">
      <p className="compare-at">{t('demo.compare.rankedAt', { time: formatLocalTime(new Date(comparison.at), timeZone) })}</p>
      {/* Said in words, so the point of the comparison does not depend on reading both lists. */}
      {onlyProfiled > 0 ? (
        <p className="compare-summary">{t('demo.compare.summary', { count: onlyProfiled, total: profiled.length })}</p>
      ) : (
        onlyOther === 0 && profiled.length > 0 && <p className="compare-summary">{t('demo.compare.sameIdeas')}</p>
      )}
      <div className="compare-columns">
        <CompareColumn
          heading={t('demo.compare.withProfile')}
          intro={t('demo.compare.withProfileIntro')}
          suggestions={profiled}
          diffs={diff.profiled}
          timeZone={timeZone}
          onLookInside={onLookInside}
        />
        <CompareColumn
          heading={signal ? t('demo.compare.without', { signal }) : t('demo.compare.nonProfiled')}
          intro={signal ? t('demo.compare.withoutIntro', { signal }) : t('demo.compare.nonProfiledIntro')}
          suggestions={other}
          diffs={diff.other}
          timeZone={timeZone}
          onLookInside={onLookInside}
        />
      </div>
    </div>
  );
}

interface ColumnProps {
  heading: string;
  intro: string;
  suggestions: Suggestion[];
  diffs: RowDiff[];
  timeZone: string;
  onLookInside(placeId: string): void;
}

function CompareColumn({ heading, intro, suggestions, diffs, timeZone, onLookInside }: ColumnProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="compare-column" aria-labelledby={`${id}-heading`}>
      <h3 className="compare-heading" id={`${id}-heading`}>
        {heading}
      </h3>
      <p className="compare-intro">{intro}</p>
      {suggestions.length === 0 ? (
        <p className="compare-empty">{t('demo.compare.empty')}</p>
      ) : (
        <ol className="compare-list">
          {suggestions.map((s, index) => (
            <CompareRow key={itemKey(s)} suggestion={s} number={index + 1} diff={diffs[index] ?? { kind: 'only' }} timeZone={timeZone} onLookInside={onLookInside} />
          ))}
        </ol>
      )}
    </section>
  );
}

interface RowProps {
  suggestion: Suggestion;
  number: number;
  diff: RowDiff;
  timeZone: string;
  onLookInside(placeId: string): void;
}

function CompareRow({ suggestion: s, number, diff, timeZone, onLookInside }: RowProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const whyId = useId();
  const [open, setOpen] = useState(false);
  const line = (l: Line | null) => (l ? t(l.key, l.params) : null);
  const category = categoryLabel(s, locale);
  const title = s.item.title;
  const facts = [line(walkLine(s, locale)), line(eventLine(s, timeZone))].filter(Boolean);
  const ordered = orderedContributions(s.contributions, s.driver);

  return (
    <li className={diff.kind === 'only' ? 'compare-row compare-row-only' : 'compare-row'}>
      <div className="compare-row-head">
        {/* The list already numbers its items for screen readers; the disc is for the eye. */}
        <span className="card-number" aria-hidden="true">
          {number}
        </span>
        <h4 className="compare-row-title">{title}</h4>
        <DiffMark diff={diff} />
      </div>
      {s.promotion && (
        // Promotions are disclosed with the agency's name on both sides, as on the traveller's cards.
        <p className="badge-promoted">{promotionLine(renderEvidence(s.promotion.label, locale), s.promotion.agencyName)}</p>
      )}
      <p className="compare-row-category">
        <CategoryIcon category={category.id} /> {category.label}
        {s.item.kind !== 'place' && ` · ${locale === 'fr' ? frenchAt(s.item.place.name) : t('card.atPlace', { place: s.item.place.name })}`}
        {facts.length > 0 && ` · ${facts.join(' · ')}`}
      </p>
      <p className="compare-row-reason">{renderEvidence(s.reason, locale)}</p>
      <div className="compare-row-actions">
        <button type="button" className="button button-small" aria-expanded={open} aria-controls={whyId} aria-label={t('demo.compare.whyLabel', { name: title })} onClick={() => setOpen(!open)}>
          {t('demo.compare.why')}
        </button>
        <button type="button" className="button button-small" aria-label={t('demo.compare.lookInsideLabel', { name: title })} onClick={() => onLookInside(s.item.place.id)}>
          {t('demo.compare.lookInside')}
        </button>
      </div>
      <div id={whyId} className="compare-why" hidden={!open}>
        {open && (
          <>
            <WhyLead suggestion={s} />
            <ul className="contributions" aria-label={t('why.contributions')}>
              {/* No "what if" here: switching a signal off belongs to the traveller's own Why panel. */}
              {countedContributions(ordered, s.driver).map((c) => (
                <ContributionRow key={c.signal} contribution={c} driver={c.signal === s.driver} />
              ))}
            </ul>
            <ScoreDetails contributions={ordered} />
          </>
        )}
      </div>
    </li>
  );
}

const promotionLine = (label: string, agency: string) => (label.includes(agency) ? label : `${label} · ${agency}`);

function DiffMark({ diff }: { diff: RowDiff }) {
  const { t } = useTranslation();
  if (diff.kind === 'only') {
    return (
      <span className="compare-mark compare-mark-only" title={t('demo.compare.onlyHereLabel')}>
        {t('demo.compare.onlyHere')}
      </span>
    );
  }
  const words = diff.by > 0 ? t('demo.compare.up', { count: diff.by }) : diff.by < 0 ? t('demo.compare.down', { count: -diff.by }) : t('demo.compare.same');
  return (
    <span className={diff.by === 0 ? 'compare-mark' : diff.by > 0 ? 'compare-mark compare-mark-up' : 'compare-mark compare-mark-down'} title={words}>
      <span aria-hidden="true">{moveMark(diff.by)}</span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}
