/**
 * Evidence is sent as a message key with parameters, and rendered in the reader's language by the same
 * templates on both sides, so a Why panel reads the same in the app and in an export.
 */
import { z } from 'zod';
import { CATEGORY_LABELS, type CategoryId } from './categories.ts';

export const Evidence = z.object({
  key: z.string().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type Evidence = z.infer<typeof Evidence>;

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

type Template = (p: Record<string, string | number>) => string;

const en: Record<string, Template> = {
  'proximity.walk': (p) => `${formatDistance(Number(p.meters), 'en')}, ${p.minutes} min walk`,
  'proximity.unknown': () => 'your position is not used',
  'timing.open_until': (p) => `open until ${p.until}`,
  'timing.open_24_7': () => 'open all day',
  'timing.open_closes_soon': (p) => `open, closes at ${p.until}`,
  'timing.hours_unknown': () => 'opening hours unknown',
  'timing.event_starts_in': (p) => `starts in ${p.minutes} min (${p.time})`,
  'timing.event_later': (p) => `starts at ${p.time}`,
  'timing.meal_time': (p) => `${p.meal === 'lunch' ? 'lunchtime' : 'dinner time'}, open until ${p.until}`,
  'interests.likes': (p) => `you said you like ${interestLabel(p, 'en')}`,
  'interests.neutral': () => 'not among your stated interests',
  'interests.no_profile': () => 'tell us what you like to get better ideas',
  'popularity.rating': (p) => `${p.rating} from ${p.count} reviews`,
  'popularity.rating_demo': (p) => `${p.rating} from ${p.count} reviews (demo rating)`,
  'timing.closes_soon': (p) => `closes at ${p.until}, soon after you arrive`,
  'data.position': (p) => `your location at ${p.time}`,
  'data.stated_like': (p) => `you said you like ${interestLabel(p, 'en')}`,
  'data.stated_dislike': (p) => `you said you dislike ${interestLabel(p, 'en')}`,
  'popularity.no_rating': () => 'no reviews yet',
  'agency.promoted': (p) => `Promoted by your agency (${p.agency})`,
  'agency.not_promoted': () => 'not promoted',
  'trigger.location': () => 'Sent because you moved',
  'trigger.suggest_now': () => 'Sent because you asked',
  'trigger.connected': () => 'Sent when you opened the app',
};

const fr: Record<string, Template> = {
  'proximity.walk': (p) => `${formatDistance(Number(p.meters), 'fr')}, ${p.minutes} min à pied`,
  'proximity.unknown': () => 'votre position n’est pas utilisée',
  'timing.open_until': (p) => `ouvert jusqu’à ${p.until}`,
  'timing.open_24_7': () => 'ouvert toute la journée',
  'timing.open_closes_soon': (p) => `ouvert, ferme à ${p.until}`,
  'timing.hours_unknown': () => 'horaires inconnus',
  'timing.event_starts_in': (p) => `commence dans ${p.minutes} min (${p.time})`,
  'timing.event_later': (p) => `commence à ${p.time}`,
  'timing.meal_time': (p) =>
    `${p.meal === 'lunch' ? 'c’est l’heure du déjeuner' : 'c’est l’heure du dîner'}, ouvert jusqu’à ${p.until}`,
  'interests.likes': (p) => `vous avez dit aimer : ${interestLabel(p, 'fr')}`,
  'interests.neutral': () => 'hors de vos centres d’intérêt déclarés',
  'interests.no_profile': () => 'dites-nous ce que vous aimez pour de meilleures idées',
  'popularity.rating': (p) => `${String(p.rating).replace('.', ',')} sur ${p.count} avis`,
  'popularity.rating_demo': (p) => `${String(p.rating).replace('.', ',')} sur ${p.count} avis (note de démonstration)`,
  'timing.closes_soon': (p) => `ferme à ${p.until}, peu après votre arrivée`,
  'data.position': (p) => `votre position à ${p.time}`,
  'data.stated_like': (p) => `vous avez dit aimer : ${interestLabel(p, 'fr')}`,
  'data.stated_dislike': (p) => `vous avez dit ne pas aimer : ${interestLabel(p, 'fr')}`,
  'popularity.no_rating': () => 'pas encore d’avis',
  'agency.promoted': (p) => `Mis en avant par votre agence (${p.agency})`,
  'agency.not_promoted': () => 'non mis en avant',
  'trigger.location': () => 'Envoyé parce que vous vous êtes déplacé',
  'trigger.suggest_now': () => 'Envoyé à votre demande',
  'trigger.connected': () => 'Envoyé à l’ouverture de l’application',
};

const TEMPLATES: Record<Locale, Record<string, Template>> = { en, fr };

/** A stated interest's label: categories have translated names; tags show their value (`cuisine:ramen` → ramen). */
function interestLabel(p: Record<string, string | number>, locale: Locale): string {
  const id = String(p.id);
  if (p.kind === 'category' && id in CATEGORY_LABELS) return CATEGORY_LABELS[id as CategoryId].liked[locale];
  return id.slice(id.indexOf(':') + 1).replaceAll('-', ' ');
}

export function formatDistance(meters: number, locale: Locale): string {
  if (meters < 1000) return `${Math.round(meters / 10) * 10} m`;
  const km = (meters / 1000).toFixed(1);
  return `${locale === 'fr' ? km.replace('.', ',') : km} km`;
}

/** Renders evidence; an unknown key renders as the key itself so a missing template is visible, not silent. */
export function renderEvidence(evidence: Evidence, locale: Locale): string {
  const template = TEMPLATES[locale][evidence.key];
  return template ? template(evidence.params) : evidence.key;
}

export function hasEvidenceTemplate(key: string): boolean {
  return LOCALES.every((l) => key in TEMPLATES[l]);
}
