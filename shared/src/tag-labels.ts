/**
 * Tags in words, for sentences ("you said you like natural wine", « vous avez dit aimer le vin nature »):
 * a tag id never appears in a sentence. French labels carry their article, because French says « aimer le
 * jazz » where English says "like jazz". A tag without a label here is written from its id, in quotes in
 * French (where no article can be guessed): visible, and a reminder to add it.
 */
import type { Locale } from './evidence.ts';

type Label = { en: string; fr: string };

const CUISINES: Record<string, Label> = {
  african: { en: 'African food', fr: 'la cuisine africaine' },
  american: { en: 'American food', fr: 'la cuisine américaine' },
  asian: { en: 'Asian food', fr: 'la cuisine asiatique' },
  barbecue: { en: 'barbecue', fr: 'le barbecue' },
  bistro: { en: 'bistros', fr: 'les bistrots' },
  breakfast: { en: 'breakfast', fr: 'le petit déjeuner' },
  brunch: { en: 'brunch', fr: 'le brunch' },
  burger: { en: 'burgers', fr: 'les burgers' },
  cake: { en: 'cakes', fr: 'les gâteaux' },
  chinese: { en: 'Chinese food', fr: 'la cuisine chinoise' },
  coffee_shop: { en: 'coffee shops', fr: 'les coffee shops' },
  crepe: { en: 'crêpes', fr: 'les crêpes' },
  fine_dining: { en: 'fine dining', fr: 'la grande cuisine' },
  french: { en: 'French food', fr: 'la cuisine française' },
  greek: { en: 'Greek food', fr: 'la cuisine grecque' },
  indian: { en: 'Indian food', fr: 'la cuisine indienne' },
  italian: { en: 'Italian food', fr: 'la cuisine italienne' },
  japanese: { en: 'Japanese food', fr: 'la cuisine japonaise' },
  korean: { en: 'Korean food', fr: 'la cuisine coréenne' },
  lebanese: { en: 'Lebanese food', fr: 'la cuisine libanaise' },
  mediterranean: { en: 'Mediterranean food', fr: 'la cuisine méditerranéenne' },
  mexican: { en: 'Mexican food', fr: 'la cuisine mexicaine' },
  noodle: { en: 'noodles', fr: 'les nouilles' },
  pancake: { en: 'pancakes', fr: 'les pancakes' },
  pasta: { en: 'pasta', fr: 'les pâtes' },
  pizza: { en: 'pizza', fr: 'la pizza' },
  ramen: { en: 'ramen', fr: 'les ramen' },
  regional: { en: 'regional food', fr: 'la cuisine régionale' },
  seafood: { en: 'seafood', fr: 'les fruits de mer' },
  spanish: { en: 'Spanish food', fr: 'la cuisine espagnole' },
  sushi: { en: 'sushi', fr: 'les sushis' },
  tapas: { en: 'tapas', fr: 'les tapas' },
  tea: { en: 'tea', fr: 'le thé' },
  thai: { en: 'Thai food', fr: 'la cuisine thaïe' },
  vietnamese: { en: 'Vietnamese food', fr: 'la cuisine vietnamienne' },
  wine: { en: 'wine', fr: 'le vin' },
};

const TAGS: Record<string, Label> = {
  wine: { en: 'wine', fr: 'le vin' },
  'natural-wine': { en: 'natural wine', fr: 'le vin nature' },
  'craft-beer': { en: 'craft beer', fr: 'la bière artisanale' },
  pub: { en: 'pubs', fr: 'les pubs' },
  club: { en: 'clubs', fr: 'les clubs' },
  karaoke: { en: 'karaoke', fr: 'le karaoké' },
  jazz: { en: 'jazz', fr: 'le jazz' },
  'live-music': { en: 'live music', fr: 'la musique live' },
  concerts: { en: 'concerts', fr: 'les concerts' },
  opera: { en: 'opera', fr: 'l’opéra' },
  'theatre:opera': { en: 'opera', fr: 'l’opéra' },
  ballet: { en: 'ballet', fr: 'la danse classique' },
  dance: { en: 'dance', fr: 'la danse' },
  comedy: { en: 'comedy', fr: 'la comédie' },
  'stand-up': { en: 'stand-up comedy', fr: 'le stand-up' },
  magic: { en: 'magic shows', fr: 'la magie' },
  musical: { en: 'musicals', fr: 'les comédies musicales' },
  'classic-theatre': { en: 'classic theatre', fr: 'le théâtre classique' },
  running: { en: 'running', fr: 'la course à pied' },
  bouldering: { en: 'bouldering', fr: 'le bloc' },
  'rope-climbing': { en: 'rope climbing', fr: 'l’escalade en voie' },
  'sport:climbing': { en: 'climbing', fr: 'l’escalade' },
  'sport:swimming': { en: 'swimming', fr: 'la natation' },
  swimming: { en: 'swimming', fr: 'la natation' },
  'sport:yoga': { en: 'yoga', fr: 'le yoga' },
  'sport:fitness': { en: 'fitness', fr: 'le fitness' },
  vegan: { en: 'vegan food', fr: 'la cuisine végane' },
  vegetarian: { en: 'vegetarian food', fr: 'la cuisine végétarienne' },
  organic: { en: 'organic food', fr: 'le bio' },
  'ice-cream': { en: 'ice cream', fr: 'les glaces' },
  'flea-market': { en: 'flea markets', fr: 'les puces' },
  flowers: { en: 'flowers', fr: 'les fleurs' },
  'art-et-essai': { en: 'art-house cinema', fr: 'le cinéma d’art et d’essai' },
  'classic-film': { en: 'classic films', fr: 'les films classiques' },
  animation: { en: 'animation', fr: 'l’animation' },
  'beaux-arts': { en: 'fine arts', fr: 'les beaux-arts' },
  'art-moderne-et-contemporain': { en: 'modern and contemporary art', fr: 'l’art moderne et contemporain' },
  'arts-decoratifs': { en: 'decorative arts', fr: 'les arts décoratifs' },
  histoire: { en: 'history', fr: 'l’histoire' },
  archeologie: { en: 'archaeology', fr: 'l’archéologie' },
  photographie: { en: 'photography', fr: 'la photographie' },
  art: { en: 'art', fr: 'l’art' },
  'guided-tour': { en: 'guided tours', fr: 'les visites guidées' },
  'tasting-menu': { en: 'tasting menus', fr: 'les menus dégustation' },
  'kid-friendly': { en: 'places good for children', fr: 'les lieux adaptés aux enfants' },
  wheelchair: { en: 'wheelchair access', fr: 'l’accès en fauteuil roulant' },
  'outdoor-seating': { en: 'terraces', fr: 'les terrasses' },
  outdoor: { en: 'the outdoors', fr: 'le plein air' },
  indoor: { en: 'indoor places', fr: 'les lieux couverts' },
};

function fromId(tag: string): string {
  return tag.slice(tag.indexOf(':') + 1).replaceAll(/[-_]/g, ' ');
}

/** A tag as the object of "like" / « aimer » (French with its article). */
export function tagLabel(tag: string, locale: Locale): string {
  const label = TAGS[tag] ?? (tag.startsWith('cuisine:') ? CUISINES[tag.slice('cuisine:'.length)] : undefined);
  if (label) return label[locale];
  return locale === 'fr' ? `« ${fromId(tag)} »` : fromId(tag);
}
