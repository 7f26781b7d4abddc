/**
 * An advisor's note, read: who noted it and when (and whether the traveller corrected it), then what it says
 * in words. With the traveller's own profile, each item their own answers overrule says so: their word counts.
 */
import type { AdvisorNote, InterestRef, Locale, TravellerProfile } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { interestName } from '../mydata/interest-name.ts';

/** A day as the reader says it: "3 March 2026" / « 3 mars 2026 ». */
export function formatDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(new Date(iso));
}

/** "le jazz" → "Le jazz": an item of a list reads as a label, as the form's chips do. */
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
const same = (a: InterestRef) => (b: InterestRef) => a.kind === b.kind && a.id === b.id;

interface Props {
  note: AdvisorNote;
  /** The traveller's own answers (My data); absent in the console, which does not see them. */
  own?: TravellerProfile | null;
  /** Whose correction it is, as the reader says it: "you" (My data) or "the client" (console). */
  reader: 'traveller' | 'advisor';
}

export function NoteSummary({ note, own, reader }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const stated = (i: InterestRef) => own != null && (own.likes.some(same(i)) || own.dislikes.some(same(i)));
  const words = (list: InterestRef[]) =>
    list.map((i) => (
      <span key={`${i.kind}:${i.id}`} className="note-item">
        {capitalise(interestName(i, locale))}
        {stated(i) && <span className="muted"> ({t('note.yoursCount')})</span>}
      </span>
    ));
  const party = note.party;
  return (
    <>
      <p className="note-by">
        {t('note.by', { name: note.notedBy, when: formatDay(note.notedAt, locale) })}
        {note.correctedAt && <span className="note-corrected"> · {t(`note.corrected.${reader}`, { when: formatDay(note.correctedAt, locale) })}</span>}
      </p>
      <dl className="held-facts note-facts">
        {note.likes.length > 0 && (
          <>
            <dt>{t(`note.likes.${reader}`)}</dt>
            <dd>{words(note.likes)}</dd>
          </>
        )}
        {note.dislikes.length > 0 && (
          <>
            <dt>{t(`note.dislikes.${reader}`)}</dt>
            <dd>{words(note.dislikes)}</dd>
          </>
        )}
        {party && (
          <>
            <dt>{t('mydata.party')}</dt>
            <dd>
              {t('note.partyValue', { count: party.adults, children: party.childrenAges.length })}
              {party.accessibility.map((need) => `, ${t(`note.need.${need}`)}`).join('')}
            </dd>
          </>
        )}
        {note.budget !== null && (
          <>
            <dt>{t('mydata.budget')}</dt>
            <dd>
              {'€'.repeat(note.budget)}
              {own?.budget != null && <span className="muted"> ({t('note.yoursCount')})</span>}
            </dd>
          </>
        )}
        {note.said && (
          <>
            <dt>{t(`note.saidShort.${reader}`)}</dt>
            <dd className="note-said-text">{t('note.quote', { text: note.said })}</dd>
          </>
        )}
      </dl>
    </>
  );
}
