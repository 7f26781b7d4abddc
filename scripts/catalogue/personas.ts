// The three demo travellers of the product brief, all in Paris for now, with histories at real places of places.json.
import type { PersonaRecord } from '../../shared/src/catalogue.ts';

export const PERSONAS: PersonaRecord[] = [
  {
    id: 'lea',
    name: 'Léa',
    summary: {
      en: 'Léa, 34, four days in Paris on her own. Loves natural wine bars, ramen and climbing; big museums are not for her.',
      fr: 'Léa, 34 ans, quatre jours à Paris en solo. Aime les bars à vin nature, les ramen et l’escalade ; les grands musées, très peu pour elle.',
    },
    locale: 'fr',
    cityId: 'paris',
    // Rue des Francs-Bourgeois, near her hotel in the Marais.
    startPosition: { lat: 48.8593, lon: 2.361 },
    likes: [
      { kind: 'tag', id: 'wine' },
      { kind: 'tag', id: 'natural-wine' },
      { kind: 'tag', id: 'cuisine:ramen' },
      { kind: 'category', id: 'climbing' },
    ],
    dislikes: [{ kind: 'category', id: 'museum' }],
    party: { adults: 1, childrenAges: [], accessibility: [] },
    budget: 2,
    consents: { location: true, history: true, profile: true, wallet: true },
    history: [
      { placeId: 'osm:node/247467737', kind: 'liked', daysAgo: 45 }, // Willi's Wine Bar
      { placeId: 'osm:node/10925348405', kind: 'liked', daysAgo: 30 }, // Terra bar à vins
      { placeId: 'osm:node/4109405290', kind: 'visited', daysAgo: 12 }, // Kodawari Ramen (Yokochō)
      { placeId: 'osm:node/11162412436', kind: 'visited', daysAgo: 20 }, // Climbing District Bastille
    ],
  },
  {
    id: 'martin-family',
    name: 'The Martins',
    localName: { en: 'The Martins', fr: 'Les Martin' },
    summary: {
      en: 'Two adults and two children (6 and 9). Kid-friendly places, parks, crêpes and pizza; lunch at 12:30, no bars or nightlife.',
      fr: 'Deux adultes et deux enfants (6 et 9 ans). Des lieux adaptés aux enfants, des parcs, des crêpes et des pizzas ; déjeuner à 12 h 30, ni bars ni sorties nocturnes.',
    },
    locale: 'fr',
    cityId: 'paris',
    // Cour Napoléon, by the Louvre.
    startPosition: { lat: 48.8608, lon: 2.3376 },
    // Places good for children are their need, not their taste: the party (two children) asks for them.
    likes: [
      { kind: 'category', id: 'park' },
      { kind: 'tag', id: 'cuisine:crepe' },
      { kind: 'tag', id: 'cuisine:pizza' },
    ],
    dislikes: [
      { kind: 'category', id: 'nightlife' },
      { kind: 'category', id: 'bar' },
    ],
    party: { adults: 2, childrenAges: [6, 9], accessibility: [] },
    budget: 2,
    consents: { location: true, history: true, profile: true, wallet: true },
    history: [
      { placeId: 'osm:way/53820452', kind: 'visited', daysAgo: 1 }, // Jardin des Tuileries
      { placeId: 'osm:node/2113353555', kind: 'liked', daysAgo: 1 }, // Cœur de Breizh (crêperie)
    ],
  },
  {
    id: 'marc',
    name: 'Marc',
    summary: {
      en: 'Marc, on a business trip, free in the evenings; jazz and running. He will not fill in a profile: what he likes is learnt from his history only.',
      fr: 'Marc, en déplacement professionnel, libre le soir ; jazz et course à pied. Il ne remplira pas de profil : ses goûts viennent seulement de son historique.',
    },
    locale: 'en',
    cityId: 'paris',
    // Place de l'Opéra.
    startPosition: { lat: 48.871, lon: 2.3316 },
    likes: [],
    dislikes: [],
    party: { adults: 1, childrenAges: [], accessibility: [] },
    budget: 3,
    consents: { location: true, history: true, profile: false, wallet: true },
    history: [
      { placeId: 'osm:node/1144156468', kind: 'visited', daysAgo: 60 }, // Le Petit Journal Saint-Michel (jazz club)
      { placeId: 'osm:way/53820452', kind: 'visited', daysAgo: 59 }, // Jardin des Tuileries (a run)
    ],
  },
];
