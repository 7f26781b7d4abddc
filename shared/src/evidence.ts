/**
 * Evidence is sent as a message key with parameters, and rendered in the reader's language by the same
 * templates on both sides, so a Why panel reads the same in the app and in an export.
 */
import { z } from 'zod';
import { CATEGORY_LABELS, type CategoryId } from './categories.ts';
import { tagLabel } from './tag-labels.ts';

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
  'proximity.run': (p) => `${formatDistance(Number(p.meters), 'en')}, a ${p.minutes} min run`,
  'timing.open_until': (p) => `open until ${p.until}`,
  'timing.open_24_7': () => 'open 24 hours',
  'timing.open_closes_soon': (p) => `open, closes at ${p.until}`,
  'timing.hours_unknown': () => 'opening hours unknown',
  'reason.near_open': () => 'near you and open now',
  'reason.near': () => 'near you',
  'reason.open': () => 'open now',
  // The public page "How suggestions are ranked" (server/src/privacy/ranking-explained.ts).
  'explain.proximity': () => 'How near the place is: the shorter the walk from where you are, the higher.',
  'explain.timing': () => 'Whether it is the right moment: open now and for a while, a meal time, an event starting soon.',
  'explain.interests': () => 'What you told us you like; what you said you dislike is never suggested.',
  'explain.taste': () => 'Places liked by travellers who liked the same places as you, found by walking the travel graph. Other travellers are only ever counted, never named.',
  'explain.trip': () => 'How it fits your bookings: near your hotel, in the time before your next booking.',
  'explain.party': () => 'Who you travel with: places good for children rise, and bars and clubs are left out; with a wheelchair, only places known to be accessible.',
  'explain.budget': () => 'Your budget: what costs more is never suggested; what fits ranks by how well it fits.',
  'explain.popularity': () =>
    'What others thought: ratings and their number, and how often other travellers liked or visited the place, counted, never named; your own likes and visits never count in what you are shown.',
  'explain.agency': () => 'Your agency’s promotions: always labelled with the agency’s name, never hidden in another reason.',
  'explain.reads.proximity': () => 'your latest position',
  'explain.reads.timing': () => 'no personal data: the clock, opening hours, event times',
  'explain.reads.interests': () => 'your stated likes and dislikes, and those you told your agency’s advisor',
  'explain.reads.taste': () => 'your likes, visits and places saved',
  'explain.reads.trip': () => 'your bookings',
  'explain.reads.party': () => 'your party and accessibility needs',
  'explain.reads.budget': () => 'your budget',
  'explain.reads.popularity': () => 'no personal data: ratings, and other travellers’ likes and visits, counted',
  'explain.reads.agency': () => 'no personal data: the agency’s catalogue',
  'explain.promotions': (p) =>
    `A promotion adds at most ${p.weight} points, ${p.percent} % of the largest possible score, and never more than ${p.lift} % of what the idea scores without it: it can lift an idea that already fits, never make one that does not. It is always shown as a promotion, with the agency’s name. An agency may adjust the weights within bounds (half to twice each default); every Why panel shows the weights used.`,
  'rule.dismissed_or_been_there': () => 'Never a place you said “Not interested” in or “Been there”.',
  'rule.visited': () => 'Never a place you visited (unless you ask for favourites).',
  'rule.disliked': () => 'Never a category or a kind of place you said you dislike.',
  'rule.closed_at_arrival': () => 'Never a place closed when you would get there.',
  'rule.closes_too_soon': (p) => `Never a place that closes less than ${p.minutes} minutes after you would get there.`,
  'rule.probably_closed': () => 'Never a place of unknown hours at night, nor outside the usual hours of its kind unless known to be open.',
  'rule.not_at_this_hour': () => 'Never a place at an hour when it makes no sense (a park at 23:30).',
  'rule.over_budget': () => 'Never above the budget you gave.',
  'rule.not_known_accessible': () => 'For a wheelchair user, only places known to be accessible.',
  'rule.not_for_children': () => 'With children, never a bar, a club, a jazz club or an adult venue, nor anything held there.',
  'rule.event_started': () => 'Never an event that will have started when you get there.',
  'rule.event_too_far_ahead': (p) => `Never an event more than ${p.hours} hours ahead.`,
  'rule.sold_out': () => 'Never an event or an offer that is sold out.',
  'rule.not_on_sale': () => 'Never an offer outside the dates its agency sells it.',
  'reason.in_area': () => 'in the area',
  'timing.event_starts_in': (p) => `starts in ${p.minutes} min (${p.time})`,
  'timing.event_later': (p) => `starts at ${p.time}`,
  'timing.meal_time': (p) => `${p.meal === 'lunch' ? 'lunchtime' : 'dinner time'}, open until ${p.until}`,
  'interests.likes': (p) => `you said you like ${interestLabel(p, 'en')}`,
  'interests.neutral': () => 'not among your stated interests',
  'interests.no_profile': () => 'tell us what you like to get better ideas',
  'popularity.rating': (p) => `${p.rating} from ${count(p.count, 'en')} reviews`,
  'popularity.rating_demo': (p) => `${p.rating} from ${count(p.count, 'en')} reviews (demo rating)`,
  'timing.closes_soon': (p) => `closes at ${p.until}, soon after you arrive`,
  'data.position': (p) => `your location at ${p.time}`,
  'data.stated_like': (p) => `you said you like ${interestLabel(p, 'en')}`,
  'data.stated_dislike': (p) => `you said you dislike ${interestLabel(p, 'en')}`,
  'popularity.no_rating': () => 'no reviews yet',
  'popularity.travellers': (p) => `liked or visited ${count(p.count, 'en')} times by other travellers`,
  'agency.promoted': (p) => `Promoted by your agency (${p.agency})`,
  'agency.promoted_as': (p) => `Promoted by your agency (${p.agency}): ${p.label}`,
  'agency.not_promoted': () => 'not promoted',
  'trigger.moved': (p) => `Sent because you moved ${formatDistance(Number(p.meters), 'en')}`,
  'trigger.new_area': (p) => `Sent because you arrived in ${p.area}`,
  'trigger.new_area_unnamed': () => 'Sent because you arrived in a new part of town',
  'trigger.meal_window': (p) => `Sent because it is ${p.meal === 'lunch' ? 'lunchtime' : 'dinner time'} (${p.time})`,
  'trigger.wallet_gap': (p) => `Sent because you are free from ${p.from} to ${p.until}`,
  'trigger.agency_event': (p) => `Sent because ${p.agency} published “${p.title}”, in line with your interest in ${interestLabel(p, 'en')}`,
  'trigger.first_position': () => 'Sent when your position first arrived',
  'trigger.suggest_now': () => 'Sent because you asked',
  'trigger.feedback': () => 'Updated after your feedback',
  'trigger.reconnected': () => 'Sent when you came back online',
  'taste.co_visit': (p) => `you ${p.interaction} ${p.place}; ${p.travellers} ${Number(p.travellers) === 1 ? 'traveller' : 'travellers'} who did too went here`,
  'taste.similar': (p) => `close to your taste: like ${p.place}, which you ${p.interaction}`,
  'taste.interest_walk': (p) => `in line with your taste for ${interestLabel(p, 'en')}`,
  'taste.no_signal': () => 'nothing in your history points here yet',
  'taste.favourite': (p) => `one of your favourites: you came ${p.count} ${Number(p.count) === 1 ? 'time' : 'times'}`,
  'taste.habit_day': (p) => `one of your habits: you came ${p.count} ${Number(p.count) === 1 ? 'time' : 'times'}, ${p.same} on ${p.day === 'weekend' ? 'a weekend' : 'a weekday'} like today`,
  'taste.this_outing': (p) => `you were already here earlier on this outing (${p.count} ${Number(p.count) === 1 ? 'visit' : 'visits'} in all)`,
  'taste.own_next': (p) => `after ${p.place}, you came here next ${p.count} ${Number(p.count) === 1 ? 'time' : 'times'} (${p.visits} ${Number(p.visits) === 1 ? 'visit' : 'visits'} in all)`,
  'taste.next_place': (p) => `after ${p.place}, travellers came here next ${p.count} ${Number(p.count) === 1 ? 'time' : 'times'}`,
  'trip.before_booking': (p) => `fits before your ${p.time} ${bookingLabel(p, 'en')} at ${p.name}`,
  'trip.before_booking_near': (p) => `fits before your ${p.time} ${bookingLabel(p, 'en')} at ${p.name}, ${p.minutes} min from it`,
  'trip.too_late': (p) => `no time for it before your ${p.time} ${bookingLabel(p, 'en')} at ${p.name}`,
  'trip.near_hotel': (p) => `${p.minutes} min from your hotel (${p.name})`,
  'trip.nothing_booked': () => 'nothing booked around now',
  'data.booking': (p) => `your booking: ${bookingLabel(p, 'en')} at ${p.name}, ${p.time}`,
  'party.kid_friendly': () => 'good for children',
  'party.not_for_children': () => 'not a place for children',
  'party.neutral_children': () => 'not marked as child-friendly',
  'party.wheelchair': () => 'wheelchair accessible',
  'party.wheelchair_unknown': () => 'wheelchair access not known',
  'party.none': () => 'no special needs given',
  'budget.within': (p) => `within your budget (${'€'.repeat(Number(p.level))})`,
  'budget.free': () => 'free',
  'budget.above': (p) => `above your budget (${'€'.repeat(Number(p.level))} for ${'€'.repeat(Number(p.budget))})`,
  'budget.unknown': () => 'price not known',
  'diversity.varied': (p) => `moved up to vary the suggestions (another ${categoryLabel(p, 'en')} scored higher)`,
  'fewer.lowered': (p) => `moved down: you asked to see ${interestLabel(p, 'en')} less often`,
  'data.interaction': (p) => `you ${p.interaction} ${p.place}${p.date ? ` on ${formatDay(String(p.date), 'en')}` : ''}`,
  'data.party': (p) => {
    const adults = `${p.adults} ${Number(p.adults) === 1 ? 'adult' : 'adults'}`;
    return Number(p.children) > 0 ? `your party: ${adults}, ${p.children} ${Number(p.children) === 1 ? 'child' : 'children'}` : `your party: ${adults}`;
  },
  'data.accessibility': (p) => (p.need === 'wheelchair' ? 'your accessibility need: wheelchair access' : `your accessibility need: ${p.need}`),
  'data.budget': (p) => `your budget: ${'€'.repeat(Number(p.budget))}`,
  // What the traveller told their advisor (advisor-notes.ts): said as such, with who noted it and when.
  'interests.advisor_noted': (p) => `your advisor ${p.staff} noted that you like ${interestLabel(p, 'en')}, on ${formatDay(String(p.date), 'en')}`,
  'data.advisor_like': (p) => `your advisor ${p.staff} noted that you like ${interestLabel(p, 'en')}, on ${formatDay(String(p.date), 'en')}${corrected(p, 'en')}`,
  'data.advisor_dislike': (p) => `your advisor ${p.staff} noted that you dislike ${interestLabel(p, 'en')}, on ${formatDay(String(p.date), 'en')}${corrected(p, 'en')}`,
  'data.advisor_party': (p) => {
    const adults = `${p.adults} ${Number(p.adults) === 1 ? 'adult' : 'adults'}`;
    const who = Number(p.children) > 0 ? `${adults}, ${p.children} ${Number(p.children) === 1 ? 'child' : 'children'}` : adults;
    return `your party, as your advisor ${p.staff} noted it on ${formatDay(String(p.date), 'en')}: ${who}${corrected(p, 'en')}`;
  },
  'data.advisor_accessibility': (p) =>
    `your accessibility need, as your advisor ${p.staff} noted it on ${formatDay(String(p.date), 'en')}: ${p.need === 'wheelchair' ? 'wheelchair access' : p.need}${corrected(p, 'en')}`,
  'data.advisor_budget': (p) => `your budget, as your advisor ${p.staff} noted it on ${formatDay(String(p.date), 'en')}: ${'€'.repeat(Number(p.budget))}${corrected(p, 'en')}`,
};

const fr: Record<string, Template> = {
  'proximity.walk': (p) => `${formatDistance(Number(p.meters), 'fr')}, ${p.minutes} min à pied`,
  'proximity.unknown': () => 'votre position n’est pas utilisée',
  'proximity.run': (p) => `${formatDistance(Number(p.meters), 'fr')}, ${p.minutes} min en courant`,
  'timing.open_until': (p) => `ouvert jusqu’à ${p.until}`,
  'timing.open_24_7': () => 'ouvert 24 h/24',
  'timing.open_closes_soon': (p) => `ouvert, ferme à ${p.until}`,
  'timing.hours_unknown': () => 'horaires inconnus',
  'reason.near_open': () => 'près de vous et ouvert maintenant',
  'reason.near': () => 'près de vous',
  'reason.open': () => 'ouvert maintenant',
  'explain.proximity': () => 'La proximité : plus le trajet à pied depuis là où vous êtes est court, plus l’idée monte.',
  'explain.timing': () => 'Le bon moment : ouvert maintenant et pour un moment, l’heure d’un repas, un évènement qui commence bientôt.',
  'explain.interests': () => 'Ce que vous nous avez dit aimer ; ce que vous avez dit ne pas aimer n’est jamais proposé.',
  'explain.taste': () =>
    'Les lieux aimés par des voyageurs qui ont aimé les mêmes lieux que vous, trouvés en parcourant le graphe des voyages. Les autres voyageurs sont seulement comptés, jamais nommés.',
  'explain.trip': () => 'L’accord avec vos réservations : près de votre hôtel, dans le temps qui précède votre prochaine réservation.',
  'explain.party': () =>
    'Avec qui vous voyagez : les lieux adaptés aux enfants montent, et les bars et boîtes de nuit sont écartés ; en fauteuil roulant, seulement des lieux connus comme accessibles.',
  'explain.budget': () => 'Votre budget : ce qui coûte plus n’est jamais proposé ; le reste est classé selon qu’il y correspond.',
  'explain.popularity': () =>
    'L’avis des autres : les notes et leur nombre, et combien de fois d’autres voyageurs ont aimé ou visité le lieu, comptés, jamais nommés ; vos propres « j’aime » et visites ne comptent jamais dans ce qui vous est montré.',
  'explain.agency': () => 'Les mises en avant de votre agence : toujours signalées avec le nom de l’agence, jamais cachées dans une autre raison.',
  'explain.reads.proximity': () => 'votre dernière position',
  'explain.reads.timing': () => 'aucune donnée personnelle : l’heure, les horaires, les heures des évènements',
  'explain.reads.interests': () => 'vos goûts et rejets déclarés, à nous ou au conseiller de votre agence',
  'explain.reads.taste': () => 'vos « j’aime », visites et lieux gardés',
  'explain.reads.trip': () => 'vos réservations',
  'explain.reads.party': () => 'votre groupe et vos besoins d’accessibilité',
  'explain.reads.budget': () => 'votre budget',
  'explain.reads.popularity': () => 'aucune donnée personnelle : les notes, et les « j’aime » et visites des autres voyageurs, comptés',
  'explain.reads.agency': () => 'aucune donnée personnelle : le catalogue de l’agence',
  'explain.promotions': (p) =>
    `Une mise en avant ajoute au plus ${p.weight} point(s), ${p.percent} % du score le plus haut possible, et jamais plus de ${p.lift} % de ce que l’idée obtient sans elle : elle peut faire monter une idée qui convient déjà, jamais en imposer une qui ne convient pas. Elle est toujours signalée comme telle, avec le nom de l’agence. Une agence peut ajuster les poids dans des bornes (de la moitié au double de chaque valeur par défaut) ; chaque panneau « Pourquoi » montre les poids utilisés.`,
  'rule.dismissed_or_been_there': () => 'Jamais un lieu marqué « Pas intéressé » ou « Déjà fait ».',
  'rule.visited': () => 'Jamais un lieu que vous avez visité (sauf si vous demandez vos favoris).',
  'rule.disliked': () => 'Jamais une catégorie ou un genre de lieu que vous avez dit ne pas aimer.',
  'rule.closed_at_arrival': () => 'Jamais un lieu fermé à votre arrivée.',
  'rule.closes_too_soon': (p) => `Jamais un lieu qui ferme moins de ${p.minutes} minutes après votre arrivée.`,
  'rule.probably_closed': () => 'Jamais un lieu aux horaires inconnus la nuit, ni hors des heures habituelles de son genre s’il n’est pas connu ouvert.',
  'rule.not_at_this_hour': () => 'Jamais un lieu à une heure où il n’a pas de sens (un parc à 23 h 30).',
  'rule.over_budget': () => 'Jamais au-dessus du budget que vous avez donné.',
  'rule.not_known_accessible': () => 'En fauteuil roulant, seulement des lieux connus comme accessibles.',
  'rule.not_for_children': () => 'Avec des enfants, jamais un bar, une boîte de nuit, un club de jazz ou un lieu pour adultes, ni rien de ce qui s’y tient.',
  'rule.event_started': () => 'Jamais un évènement qui aura commencé à votre arrivée.',
  'rule.event_too_far_ahead': (p) => `Jamais un évènement à plus de ${p.hours} heures.`,
  'rule.sold_out': () => 'Jamais un évènement ou une offre complets.',
  'rule.not_on_sale': () => 'Jamais une offre en dehors des dates où son agence la vend.',
  'reason.in_area': () => 'dans le coin',
  'timing.event_starts_in': (p) => `commence dans ${p.minutes} min (${p.time})`,
  'timing.event_later': (p) => `commence à ${p.time}`,
  'timing.meal_time': (p) => `${p.meal === 'lunch' ? 'c’est l’heure du déjeuner' : 'c’est l’heure du dîner'}, ouvert jusqu’à ${p.until}`,
  'interests.likes': (p) => `vous avez dit aimer ${interestLabel(p, 'fr')}`,
  'interests.neutral': () => 'hors de vos centres d’intérêt déclarés',
  'interests.no_profile': () => 'dites-nous ce que vous aimez pour de meilleures idées',
  'popularity.rating': (p) => `${String(p.rating).replace('.', ',')} sur ${count(p.count, 'fr')} avis`,
  'popularity.rating_demo': (p) => `${String(p.rating).replace('.', ',')} sur ${count(p.count, 'fr')} avis (note de démonstration)`,
  'timing.closes_soon': (p) => `ferme à ${p.until}, peu après votre arrivée`,
  'data.position': (p) => `votre position à ${p.time}`,
  'data.stated_like': (p) => `vous avez dit aimer ${interestLabel(p, 'fr')}`,
  'data.stated_dislike': (p) => `vous avez dit ne pas aimer ${interestLabel(p, 'fr')}`,
  'popularity.no_rating': () => 'pas encore d’avis',
  'popularity.travellers': (p) => `aimé ou visité ${count(p.count, 'fr')} fois par d’autres voyageurs`,
  'agency.promoted': (p) => `Mis en avant par votre agence (${p.agency})`,
  'agency.promoted_as': (p) => `Mis en avant par votre agence (${p.agency}) : ${p.label}`,
  'agency.not_promoted': () => 'non mis en avant',
  'trigger.moved': (p) => `Envoyé parce que vous vous êtes déplacé de ${formatDistance(Number(p.meters), 'fr')}`,
  'trigger.new_area': (p) => `Envoyé parce que vous êtes arrivé : ${p.area}`,
  'trigger.new_area_unnamed': () => 'Envoyé parce que vous êtes arrivé dans un autre quartier',
  'trigger.meal_window': (p) => `Envoyé parce que c’est l’heure du ${p.meal === 'lunch' ? 'déjeuner' : 'dîner'} (${p.time})`,
  'trigger.wallet_gap': (p) => `Envoyé parce que vous êtes libre de ${p.from} à ${p.until}`,
  'trigger.agency_event': (p) => `Envoyé parce que ${p.agency} a publié « ${p.title} », dans la ligne de votre goût pour ${interestLabel(p, 'fr')}`,
  'trigger.first_position': () => 'Envoyé à l’arrivée de votre position',
  'trigger.suggest_now': () => 'Envoyé à votre demande',
  'trigger.feedback': () => 'Mis à jour après votre avis',
  'trigger.reconnected': () => 'Envoyé à votre retour en ligne',
  'taste.co_visit': (p) =>
    `vous avez ${frInteraction(p.interaction)} ${p.place} ; ${p.travellers} ${Number(p.travellers) === 1 ? 'voyageur qui l’a aussi fait est venu' : 'voyageurs qui l’ont aussi fait sont venus'} ici`,
  'taste.similar': (p) => `proche de vos goûts : comme ${p.place}, que vous avez ${frInteraction(p.interaction)}`,
  'taste.interest_walk': (p) => `dans la ligne de votre goût pour ${interestLabel(p, 'fr')}`,
  'taste.no_signal': () => 'rien dans votre historique ne mène ici pour l’instant',
  'taste.favourite': (p) => `un de vos favoris : vous y êtes venu ${p.count} fois`,
  'taste.habit_day': (p) => `une de vos habitudes : vous y êtes venu ${p.count} fois, dont ${p.same} ${p.day === 'weekend' ? 'un week-end' : 'en semaine'} comme aujourd’hui`,
  'taste.this_outing': (p) => `vous êtes déjà passé ici plus tôt dans cette sortie (${p.count} ${Number(p.count) === 1 ? 'visite' : 'visites'} en tout)`,
  'taste.own_next': (p) => `après ${p.place}, vous êtes venu ici ensuite ${p.count} fois (${p.visits} ${Number(p.visits) === 1 ? 'visite' : 'visites'} en tout)`,
  'taste.next_place': (p) => `après ${p.place}, des voyageurs sont venus ici ensuite ${p.count} fois`,
  'trip.before_booking': (p) => `tient avant votre ${bookingLabel(p, 'fr')} de ${p.time} à ${p.name}`,
  'trip.before_booking_near': (p) => `tient avant votre ${bookingLabel(p, 'fr')} de ${p.time} à ${p.name}, à ${p.minutes} min à pied`,
  'trip.too_late': (p) => `pas le temps avant votre ${bookingLabel(p, 'fr')} de ${p.time} à ${p.name}`,
  'trip.near_hotel': (p) => `à ${p.minutes} min de votre hôtel (${p.name})`,
  'trip.nothing_booked': () => 'rien de réservé en ce moment',
  'data.booking': (p) => `votre réservation : ${bookingLabel(p, 'fr')} à ${p.name}, ${p.time}`,
  'party.kid_friendly': () => 'adapté aux enfants',
  'party.not_for_children': () => 'pas un lieu pour les enfants',
  'party.neutral_children': () => 'pas indiqué comme adapté aux enfants',
  'party.wheelchair': () => 'accessible en fauteuil roulant',
  'party.wheelchair_unknown': () => 'accès en fauteuil non renseigné',
  'party.none': () => 'aucun besoin particulier indiqué',
  'budget.within': (p) => `dans votre budget (${'€'.repeat(Number(p.level))})`,
  'budget.free': () => 'gratuit',
  'budget.above': (p) => `au-dessus de votre budget (${'€'.repeat(Number(p.level))} pour ${'€'.repeat(Number(p.budget))})`,
  'budget.unknown': () => 'prix inconnu',
  'diversity.varied': (p) => `remonté pour varier les suggestions (un autre lieu « ${categoryLabel(p, 'fr')} » avait un meilleur score)`,
  'fewer.lowered': (p) => `descendu : vous avez demandé à voir moins souvent ${interestLabel(p, 'fr')}`,
  'data.interaction': (p) => `vous avez ${frInteraction(p.interaction)} ${p.place}${p.date ? ` le ${formatDay(String(p.date), 'fr')}` : ''}`,
  'data.party': (p) => {
    const adults = `${p.adults} ${Number(p.adults) === 1 ? 'adulte' : 'adultes'}`;
    return Number(p.children) > 0 ? `votre groupe : ${adults}, ${p.children} ${Number(p.children) === 1 ? 'enfant' : 'enfants'}` : `votre groupe : ${adults}`;
  },
  'data.accessibility': (p) => (p.need === 'wheelchair' ? 'votre besoin d’accessibilité : accès en fauteuil roulant' : `votre besoin d’accessibilité : ${p.need}`),
  'data.budget': (p) => `votre budget : ${'€'.repeat(Number(p.budget))}`,
  // « Sophie, de votre agence » : le nom seul ne dit pas s’il faut écrire conseiller ou conseillère (DECISIONS).
  'interests.advisor_noted': (p) => `${p.staff}, de votre agence, a noté que vous aimez ${interestLabel(p, 'fr')}, le ${formatDay(String(p.date), 'fr')}`,
  'data.advisor_like': (p) => `${p.staff}, de votre agence, a noté que vous aimez ${interestLabel(p, 'fr')}, le ${formatDay(String(p.date), 'fr')}${corrected(p, 'fr')}`,
  'data.advisor_dislike': (p) => `${p.staff}, de votre agence, a noté que vous n’aimez pas ${interestLabel(p, 'fr')}, le ${formatDay(String(p.date), 'fr')}${corrected(p, 'fr')}`,
  'data.advisor_party': (p) => {
    const adults = `${p.adults} ${Number(p.adults) === 1 ? 'adulte' : 'adultes'}`;
    const who = Number(p.children) > 0 ? `${adults}, ${p.children} ${Number(p.children) === 1 ? 'enfant' : 'enfants'}` : adults;
    return `votre groupe, noté par ${p.staff} de votre agence le ${formatDay(String(p.date), 'fr')} : ${who}${corrected(p, 'fr')}`;
  },
  'data.advisor_accessibility': (p) =>
    `votre besoin d’accessibilité, noté par ${p.staff} de votre agence le ${formatDay(String(p.date), 'fr')} : ${p.need === 'wheelchair' ? 'accès en fauteuil roulant' : p.need}${corrected(p, 'fr')}`,
  'data.advisor_budget': (p) => `votre budget, noté par ${p.staff} de votre agence le ${formatDay(String(p.date), 'fr')} : ${'€'.repeat(Number(p.budget))}${corrected(p, 'fr')}`,
};

const TEMPLATES: Record<Locale, Record<string, Template>> = { en, fr };

/** A stated interest in words (French with its article): categories and tags have labels, ids never show. */
function interestLabel(p: Record<string, string | number>, locale: Locale): string {
  const id = String(p.id);
  if (p.kind === 'category' && id in CATEGORY_LABELS) return CATEGORY_LABELS[id as CategoryId].liked[locale];
  return tagLabel(id, locale);
}

/** Counts with the locale's thousands separator: "2,500" / « 2 500 ». */
function count(value: string | number | undefined, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB').format(Number(value));
}

/** A local calendar date "YYYY-MM-DD" as a date: "1 December" / « 1 décembre » (the history is recent). */
export function formatDay(isoDate: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const text = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
  return locale === 'fr' ? text.replace(/^1 /, '1er ') : text; // « le 1er décembre »
}

/** " (you corrected it on 5 March)" after an advisor's note the traveller corrected; nothing otherwise. */
function corrected(p: Record<string, string | number>, locale: Locale): string {
  if (!p.corrected) return '';
  const day = formatDay(String(p.corrected), locale);
  return locale === 'fr' ? ` (corrigé par vous le ${day})` : ` (you corrected it on ${day})`;
}

function categoryLabel(p: Record<string, string | number>, locale: Locale): string {
  const id = String(p.category);
  return id in CATEGORY_LABELS ? CATEGORY_LABELS[id as CategoryId][locale].toLowerCase() : id;
}

/** A booking kind as the evidence names it ("your 20:30 event"), by schema.org type. */
const BOOKING_LABELS: Record<string, Record<Locale, string>> = {
  FlightReservation: { en: 'flight', fr: 'vol' },
  LodgingReservation: { en: 'hotel stay', fr: 'séjour à l’hôtel' },
  TrainReservation: { en: 'train', fr: 'train' },
  BusReservation: { en: 'bus', fr: 'car' },
  EventReservation: { en: 'event', fr: 'événement' },
  FoodEstablishmentReservation: { en: 'table', fr: 'table' },
  RentalCarReservation: { en: 'car hire', fr: 'location de voiture' },
  OfferReservation: { en: 'booking', fr: 'réservation' },
};
function bookingLabel(p: Record<string, string | number>, locale: Locale): string {
  return BOOKING_LABELS[String(p.what)]?.[locale] ?? String(p.what);
}

const FR_INTERACTIONS: Record<string, string> = { liked: 'aimé', visited: 'visité', booked: 'réservé' };
function frInteraction(kind: string | number | undefined): string {
  return FR_INTERACTIONS[String(kind)] ?? String(kind);
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
