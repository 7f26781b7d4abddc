/**
 * Léa's four days in Paris (data/personas.json `lea`): natural wine, ramen, climbing, no big museums.
 * Her flight, hotel and concert ticket are in data/personas/lea-paris/ (seeded demo values, see its README).
 * Walks leave room for every push trigger: moves over 300 m, new arrondissements, the 12:00 and 19:30 meal
 * windows, and afternoons at the hotel that open 2 h gaps in her wallet timeline.
 */
import type { TripScript } from '../trip-script.ts';

const CDG = { name: 'Aéroport Paris-Charles de Gaulle, terminal 2E', lat: 49.0047, lon: 2.5707 };
// At the corner of Rue de Poitou and Rue Vieille-du-Temple (position read from the Paris basemap's streets).
const HOTEL = { name: 'Hôtel du Petit Moulin', lat: 48.8615, lon: 2.36355 };
const FILES = 'personas/lea-paris';

const nightAtHotel = { en: 'Night at the hotel', fr: 'Nuit à l’hôtel' };
const restAtHotel = { en: 'Rests at the hotel', fr: 'Se repose à l’hôtel' };
const ramenLunch = { en: 'Ramen lunch', fr: 'Déjeuner ramen' };

export const leaParis: TripScript = {
  id: 'lea-paris',
  personaId: 'lea',
  title: { en: 'Léa’s four days in Paris', fr: 'Les quatre jours de Léa à Paris' },
  summary: {
    en: 'Léa lands at Charles de Gaulle, stays in the Marais, climbs in Nation and at the Buttes-Chaumont, eats ramen, drinks natural wine, sees a concert at the Olympia and says no to big museums.',
    fr: 'Léa atterrit à Roissy, loge dans le Marais, grimpe à Nation et aux Buttes-Chaumont, mange des ramen, boit du vin nature, voit un concert à l’Olympia et dit non aux grands musées.',
  },
  cities: [{ id: 'paris', timeZone: 'Europe/Paris' }],
  start: { at: '2026-11-24 08:00', where: CDG },
  end: '2026-11-27 16:30',
  steps: [
    { day: '2026-11-24' },
    {
      import: `${FILES}/flight-air-france.eml`,
      at: '08:00',
      bookings: ['FlightReservation'],
      holds: { en: 'Her Air France flight from Montréal, forwarded by her agency', fr: 'Son vol Air France depuis Montréal, transmis par son agence' },
    },
    {
      import: `${FILES}/hotel-petit-moulin.json`,
      at: '08:02',
      bookings: ['LodgingReservation'],
      holds: { en: 'Three nights at the Hôtel du Petit Moulin, in the Marais', fr: 'Trois nuits à l’Hôtel du Petit Moulin, dans le Marais' },
    },
    { ride: HOTEL, depart: '08:40', arrive: '09:35', mode: 'taxi', label: { en: 'Taxi from Charles de Gaulle to the Marais', fr: 'Taxi de Roissy au Marais' } },
    { stay: 'here', until: '10:00', label: { en: 'Leaves her bag at the hotel', fr: 'Laisse son sac à l’hôtel' } },
    { walk: 'osm:node/10246788248' }, // Fika
    { stay: 'here', until: '10:45', label: { en: 'Coffee', fr: 'Un café' } },
    { walk: 'osm:way/16877048' }, // Square du Temple
    { stay: 'here', until: '11:15', label: { en: 'A look around the Haut-Marais', fr: 'Un tour dans le Haut-Marais' } },
    { walk: 'osm:way/336409585' }, // Jardin Truillot
    { stay: 'here', until: '11:45', label: { en: 'A bench in the Jardin Truillot', fr: 'Un banc au jardin Truillot' } },
    { walk: 'osm:node/6964519392' }, // Le Petit Harajuku
    { stay: 'here', until: '12:50', label: ramenLunch },
    { walk: 'osm:node/5104890766' }, // Arkose Nation
    { stay: 'here', until: '15:45', label: { en: 'Bouldering', fr: 'Escalade de bloc' } },
    {
      feedback: 'osm:node/5104890766',
      kind: 'liked',
      at: '15:40',
      reason: { en: 'Léa loved the bouldering at Arkose Nation', fr: 'Léa a adoré le bloc à Arkose Nation' },
    },
    { walk: HOTEL },
    { stay: 'here', until: '19:10', label: { en: 'Checks in and rests', fr: 'S’installe à l’hôtel et se repose' } },
    { walk: 'osm:node/705252912' }, // Vins des Pyrénées
    { stay: 'here', until: '21:30', label: { en: 'Dinner and a glass of wine', fr: 'Dîner et un verre de vin' } },
    { walk: HOTEL },
    { stay: 'here', until: '2026-11-25 09:00', label: nightAtHotel },

    { day: '2026-11-25' },
    { walk: 'osm:node/12896206095' }, // Café Abel
    { stay: 'here', until: '09:40', label: { en: 'Breakfast', fr: 'Petit déjeuner' } },
    {
      import: `${FILES}/concert-olympia.pkpass`,
      at: '09:30',
      bookings: ['EventReservation'],
      holds: { en: 'A ticket for Thursday’s concert at the Olympia', fr: 'Une place pour le concert de jeudi à l’Olympia' },
    },
    { walk: 'osm:way/4221369' }, // Jardin des Plantes
    { stay: 'here', until: '10:40', label: { en: 'A walk in the Jardin des Plantes', fr: 'Une promenade au Jardin des Plantes' } },
    { walk: 'osm:relation/6087528' }, // Arènes de Lutèce
    { stay: 'here', until: '11:15', label: { en: 'The Arènes de Lutèce', fr: 'Les arènes de Lutèce' } },
    {
      feedback: 'osm:way/128206209',
      kind: 'been_there',
      at: '11:00',
      reason: { en: 'Léa has already been to the Jardin du Luxembourg', fr: 'Léa connaît déjà le jardin du Luxembourg' },
    },
    { walk: 'osm:node/7041737153' }, // Kodawari Ramen (Tsukiji)
    { stay: 'here', until: '13:00', label: ramenLunch },
    {
      feedback: 'museofile:M5060',
      kind: 'dismissed',
      at: '12:55',
      reason: { en: 'No big museums for Léa: she dismisses the Musée d’Orsay', fr: 'Pas de grands musées pour Léa : elle écarte le musée d’Orsay' },
    },
    { walk: 'osm:way/4263203' }, // Jardin du Palais Royal
    { stay: 'here', until: '13:45', label: { en: 'Coffee in the Palais-Royal gardens', fr: 'Un café dans les jardins du Palais-Royal' } },
    { walk: HOTEL },
    { stay: 'here', until: '18:15', label: restAtHotel },
    { walk: 'osm:node/2973034755' }, // Stéréo
    { stay: 'here', until: '21:00', label: { en: 'Natural wine and dinner at Stéréo', fr: 'Vin nature et dîner chez Stéréo' } },
    {
      feedback: 'osm:node/2973034755',
      kind: 'liked',
      at: '20:30',
      reason: { en: 'Léa loves Stéréo’s natural wines', fr: 'Léa adore les vins nature de Stéréo' },
    },
    { walk: HOTEL },
    { stay: 'here', until: '2026-11-26 09:15', label: nightAtHotel },

    { day: '2026-11-26' },
    { walk: 'osm:node/9213692464' }, // Climbing District Buttes-Chaumont
    { stay: 'here', until: '11:50', label: { en: 'Climbing', fr: 'Escalade' } },
    { walk: 'osm:way/173204460' }, // Parc des Buttes-Chaumont
    { stay: 'here', until: '12:35', label: { en: 'A loop around the Buttes-Chaumont', fr: 'Un tour des Buttes-Chaumont' } },
    { walk: 'osm:node/1670306610' }, // Ippudo
    { stay: 'here', until: '14:00', label: ramenLunch },
    { feedback: 'osm:node/1670306610', kind: 'liked', at: '13:50', reason: { en: 'Léa liked her ramen at Ippudo', fr: 'Léa a aimé ses ramen chez Ippudo' } },
    { walk: 'osm:way/16405088' }, // Jardin Villemin
    { stay: 'here', until: '14:40', label: { en: 'Along the Canal Saint-Martin', fr: 'Le long du canal Saint-Martin' } },
    {
      feedback: 'osm:node/2893828822',
      kind: 'saved',
      at: '14:35',
      reason: { en: 'Léa saves Le Louis Vins for Friday’s lunch', fr: 'Léa garde Le Louis Vins pour le déjeuner de vendredi' },
    },
    { walk: HOTEL },
    { stay: 'here', until: '18:15', label: restAtHotel },
    { walk: 'osm:node/6043682335' }, // Sanjo
    { stay: 'here', until: '19:40', label: { en: 'Early ramen before the concert', fr: 'Des ramen avant le concert' } },
    { walk: 'osm:node/251758260' }, // Théâtre de l'Olympia
    { stay: 'here', until: '22:30', label: { en: 'Concert at the Olympia', fr: 'Concert à l’Olympia' } },
    { ride: HOTEL, depart: '22:40', arrive: '23:00', mode: 'taxi', label: { en: 'Taxi back to the hotel', fr: 'Taxi pour rentrer à l’hôtel' } },
    { stay: 'here', until: '2026-11-27 09:30', label: nightAtHotel },

    { day: '2026-11-27' },
    { walk: 'osm:node/12246837648' }, // % Arabica
    { stay: 'here', until: '10:15', label: { en: 'Coffee', fr: 'Un café' } },
    { walk: 'osm:way/350179508' }, // Jardin des Archives-Nationales
    { stay: 'here', until: '10:50', label: { en: 'The gardens of the Archives nationales', fr: 'Les jardins des Archives nationales' } },
    { walk: HOTEL },
    { stay: 'here', until: '11:30', label: { en: 'Checks out and leaves her bag', fr: 'Libère sa chambre et laisse son sac' } },
    { walk: 'osm:node/2893828822' }, // Le Louis Vins
    { stay: 'here', until: '13:15', label: { en: 'Lunch at Le Louis Vins', fr: 'Déjeuner au Louis Vins' } },
    { walk: 'osm:way/23644147' }, // Jardin Tino Rossi
    { stay: 'here', until: '14:10', label: { en: 'Along the Seine', fr: 'Au bord de la Seine' } },
    { walk: HOTEL },
    { stay: 'here', until: '15:15', label: { en: 'Picks up her bag', fr: 'Récupère son sac' } },
    { ride: CDG, depart: '15:15', arrive: '16:15', mode: 'taxi', label: { en: 'Taxi to Charles de Gaulle', fr: 'Taxi pour Roissy' } },
  ],
};
