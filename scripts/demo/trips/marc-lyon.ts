/**
 * Marc's three nights in Lyon for a conference (data/personas.json `marc`): he fills no profile, so what the
 * app knows comes from his calendar and confirmation e-mails (data/personas/marc-lyon/, seeded demo values,
 * see its README). Sessions at the Cité Internationale leave afternoons and evenings free: runs in the Parc
 * de la Tête d'Or and along the Rhône after 08:00, jazz on the slopes of the Croix-Rousse at night.
 */
import type { TripScript } from '../trip-script.ts';

const PARIS_GARE_DE_LYON = { name: 'Paris Gare de Lyon', lat: 48.8443, lon: 2.3744 };
const PART_DIEU = { name: 'Gare de Lyon Part-Dieu', lat: 45.7606, lon: 4.8594 };
// Positions in the Cité Internationale, approximate (from the basemap's "Cité Internationale" label and quays).
const HOTEL = { name: 'Hilton Lyon', lat: 45.7836, lon: 4.8518 };
const CONGRESS = { name: 'Centre de Congrès de Lyon', lat: 45.7858, lon: 4.853 };
const TERREAUX = { name: 'Place des Terreaux', lat: 45.7675, lon: 4.8336 };
const BELLECOUR = { name: 'Place Bellecour', lat: 45.7578, lon: 4.832 };
const TETE_D_OR = 'osm:way/4077207';
const RHONE_AT_PONT_MORAND = 'osm:relation/4819638'; // Place du Maréchal Lyautey
const FILES = 'personas/marc-lyon';

const sessions = { en: 'Conference sessions', fr: 'Sessions de la conférence' };
const shower = { en: 'Shower and breakfast', fr: 'Douche et petit déjeuner' };
const night = { en: 'Night at the hotel', fr: 'Nuit à l’hôtel' };
const taxiBack = { en: 'Taxi back to the hotel', fr: 'Taxi pour rentrer à l’hôtel' };

export const marcLyon: TripScript = {
  id: 'marc-lyon',
  personaId: 'marc',
  title: { en: 'Marc’s conference in Lyon', fr: 'La conférence de Marc à Lyon' },
  summary: {
    en: 'Marc imports his calendar and three confirmation e-mails, and never fills a profile. Between sessions at the Cité Internationale he runs in the Parc de la Tête d’Or and spends his evenings in jazz clubs.',
    fr: 'Marc importe son agenda et trois e-mails de confirmation, sans jamais remplir de profil. Entre deux sessions à la Cité internationale, il court au parc de la Tête d’Or et passe ses soirées dans les clubs de jazz.',
  },
  cities: [{ id: 'lyon', timeZone: 'Europe/Paris' }],
  start: { at: '2026-11-30 06:40', where: PARIS_GARE_DE_LYON },
  end: '2026-12-03 15:10',
  steps: [
    { day: '2026-11-30' },
    {
      import: `${FILES}/train-paris-lyon.eml`,
      at: '06:40',
      bookings: ['TrainReservation', 'TrainReservation'],
      holds: { en: 'His TGV tickets, Paris to Lyon and back', fr: 'Ses billets de TGV, Paris-Lyon aller et retour' },
    },
    {
      import: `${FILES}/conference-lyon.ics`,
      at: '06:42',
      bookings: ['EventReservation', 'EventReservation', 'EventReservation', 'EventReservation', 'EventReservation'],
      holds: { en: 'His conference calendar: sessions at the Cité Internationale', fr: 'L’agenda de sa conférence : sessions à la Cité internationale' },
    },
    {
      import: `${FILES}/hotel-lyon.eml`,
      at: '06:44',
      bookings: ['LodgingReservation'],
      holds: { en: 'Three nights at the Hilton, Cité Internationale', fr: 'Trois nuits au Hilton, à la Cité internationale' },
    },
    { ride: PART_DIEU, depart: '07:00', arrive: '09:00', mode: 'train', label: { en: 'TGV INOUI 6603 to Lyon Part-Dieu', fr: 'TGV INOUI 6603 pour Lyon Part-Dieu' } },
    { stay: 'here', until: '09:10', label: { en: 'Off the train', fr: 'Descend du train' } },
    { walk: TETE_D_OR },
    { stay: 'here', until: '10:20', label: { en: 'Coffee by the lake, e-mails', fr: 'Un café au bord du lac, ses e-mails' } },
    { walk: HOTEL },
    { stay: 'here', until: '12:40', label: { en: 'Leaves his bag, works in the lobby', fr: 'Laisse son sac, travaille dans le hall' } },
    { walk: CONGRESS },
    { stay: 'here', until: '17:30', label: { en: 'Registration, lunch and opening sessions', fr: 'Accueil, déjeuner et sessions d’ouverture' } },
    { walk: HOTEL },
    { stay: 'here', until: '19:00', label: { en: 'Checks in', fr: 'Prend sa chambre' } },
    { ride: TERREAUX, depart: '19:00', arrive: '19:20', mode: 'bus', label: { en: 'Bus C1 to the Hôtel de Ville', fr: 'Bus C1 jusqu’à l’Hôtel de Ville' } },
    { walk: 'osm:node/2100935465' }, // Chez Paul
    { stay: 'here', until: '21:00', label: { en: 'Dinner in a bouchon', fr: 'Dîner dans un bouchon' } },
    { walk: 'osm:node/2119157336' }, // Le Bec de Jazz
    { stay: 'here', until: '23:20', label: { en: 'Late jazz', fr: 'Du jazz tard le soir' } },
    { feedback: 'osm:node/2119157336', kind: 'liked', at: '22:30', reason: { en: 'Marc liked the set at Le Bec de Jazz', fr: 'Marc a aimé le concert au Bec de Jazz' } },
    { ride: HOTEL, depart: '23:25', arrive: '23:40', mode: 'taxi', label: taxiBack },
    { stay: 'here', until: '2026-12-01 08:05', label: night },

    { day: '2026-12-01' },
    { walk: TETE_D_OR, run: true },
    { walk: RHONE_AT_PONT_MORAND, run: true },
    { walk: HOTEL, run: true },
    { stay: 'here', until: '08:45', label: shower },
    { walk: CONGRESS },
    { stay: 'here', until: '16:00', label: { en: 'Sessions, lunch, workshop', fr: 'Sessions, déjeuner, atelier' } },
    {
      feedback: 'museofile:M1033',
      kind: 'dismissed',
      at: '16:02',
      reason: { en: 'Not this week: Marc dismisses the Musée d’Art Contemporain next door', fr: 'Pas cette semaine : Marc écarte le musée d’Art contemporain d’à côté' },
    },
    { walk: HOTEL, depart: '16:05' },
    { stay: 'here', until: '18:55', label: { en: 'Calls and e-mails', fr: 'Appels et e-mails' } },
    {
      import: `${FILES}/dinner-cafe-comptoir-abel.eml`,
      at: '17:30',
      bookings: ['FoodEstablishmentReservation'],
      holds: { en: 'A table for one at the Café Comptoir Abel, tonight', fr: 'Une table pour un au Café Comptoir Abel, ce soir' },
    },
    { ride: BELLECOUR, depart: '18:55', arrive: '19:15', mode: 'taxi', label: { en: 'Taxi to Bellecour', fr: 'Taxi jusqu’à Bellecour' } },
    { walk: 'osm:node/1425777307' }, // Café Comptoir Abel
    { stay: 'here', until: '21:10', label: { en: 'Dinner at Café Comptoir Abel (booked)', fr: 'Dîner au Café Comptoir Abel (réservé)' } },
    { walk: 'osm:node/4426476928' }, // Jazz Hot Club de Lyon
    { stay: 'here', until: '23:15', label: { en: 'Jazz at the Hot Club', fr: 'Jazz au Hot Club' } },
    {
      feedback: 'osm:node/4401300223',
      kind: 'dismissed',
      at: '23:00',
      reason: { en: 'A disco club is not Marc’s scene: he dismisses F&K Discoclub', fr: 'Une discothèque, ce n’est pas son truc : Marc écarte le F&K Discoclub' },
    },
    { ride: HOTEL, depart: '23:20', arrive: '23:35', mode: 'taxi', label: taxiBack },
    { stay: 'here', until: '2026-12-02 08:00', label: night },

    { day: '2026-12-02' },
    { walk: RHONE_AT_PONT_MORAND, run: true },
    { walk: TETE_D_OR, run: true },
    { walk: HOTEL, run: true },
    { stay: 'here', until: '08:45', label: shower },
    { walk: CONGRESS },
    { stay: 'here', until: '12:30', label: sessions },
    { ride: 'osm:node/1273271549', depart: '12:35', arrive: '12:55', mode: 'taxi', label: { en: 'Taxi to Vieux Lyon', fr: 'Taxi pour le Vieux Lyon' } }, // Les Lyonnais
    { stay: 'here', until: '14:10', label: { en: 'Lunch in Vieux Lyon', fr: 'Déjeuner dans le Vieux Lyon' } },
    { walk: 'osm:way/1321797301' }, // Parc des Hauteurs
    { stay: 'here', until: '15:00', label: { en: 'The view from Fourvière', fr: 'La vue depuis Fourvière' } },
    {
      feedback: 'museofile:M1036',
      kind: 'been_there',
      at: '14:50',
      reason: { en: 'Marc already saw the Roman theatres on an earlier trip', fr: 'Marc a déjà vu les théâtres romains lors d’un précédent voyage' },
    },
    { walk: 'osm:node/10902522773' }, // Zeitgeist Café
    { stay: 'here', until: '16:15', label: { en: 'Coffee and e-mails', fr: 'Café et e-mails' } },
    { walk: RHONE_AT_PONT_MORAND },
    { walk: HOTEL },
    { stay: 'here', until: '19:00', label: { en: 'Rests at the hotel', fr: 'Se repose à l’hôtel' } },
    { walk: 'osm:node/2188469214' }, // Le Casse vins
    { stay: 'here', until: '20:30', label: { en: 'A glass of wine', fr: 'Un verre de vin' } },
    { walk: 'osm:node/12026656158' }, // Le Comptoir des Cousins
    { stay: 'here', until: '22:10', label: { en: 'Dinner', fr: 'Dîner' } },
    { ride: HOTEL, depart: '22:15', arrive: '22:30', mode: 'taxi', label: taxiBack },
    { stay: 'here', until: '2026-12-03 08:00', label: night },

    { day: '2026-12-03' },
    { walk: TETE_D_OR, run: true },
    { walk: HOTEL, run: true },
    { stay: 'here', until: '08:45', label: shower },
    { walk: CONGRESS },
    { stay: 'here', until: '11:30', label: { en: 'Closing session', fr: 'Session de clôture' } },
    { walk: HOTEL },
    { stay: 'here', until: '12:00', label: { en: 'Checks out', fr: 'Rend sa chambre' } },
    { ride: PART_DIEU, depart: '12:00', arrive: '12:20', mode: 'taxi', label: { en: 'Taxi to Part-Dieu', fr: 'Taxi pour la Part-Dieu' } },
    { walk: 'osm:node/11231259639' }, // L'Atelier Artisan Crêpier
    { stay: 'here', until: '13:30', label: { en: 'Lunch', fr: 'Déjeuner' } },
    { walk: PART_DIEU },
    { stay: 'here', until: '15:04', label: { en: 'Works at the station until the TGV INOUI 6624 home', fr: 'Travaille à la gare jusqu’au TGV INOUI 6624 du retour' } },
  ],
};
