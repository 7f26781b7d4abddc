/**
 * The Martins' week (data/personas.json `martin-family`: two adults, children of 6 and 9): Barcelona from a
 * hotel outside the city with a rental car, then the TGV to Lyon. Parks, ice cream, pizza and crêpes; lunch
 * at 12:30 and back before 21:00 every day. Their Barcelona bookings are Escale's own wallet sample
 * (data/samples/martins-barcelona-then-lyon.json, dated for this week); the Lyon hotel is in
 * data/personas/martins-barcelona-lyon/ (seeded demo values, see its README).
 */
import type { TripScript } from '../trip-script.ts';

const PLACA_DE_CATALUNYA = { name: 'Plaça de Catalunya', lat: 41.38706, lon: 2.17014 };
const SANTS = { name: 'Barcelona-Sants', lat: 41.3791, lon: 2.14 };
// OSM node 414328790 (data/samples/README.md): outside the basemap, reached by car only.
const CALASANZ = { name: 'Calasanz', lat: 41.4090615, lon: 2.0203431 };
const PART_DIEU = { name: 'Gare de Lyon Part-Dieu', lat: 45.7606, lon: 4.8594 };
// On Place Bellecour's south side, approximate.
const HOTEL_LYON = { name: 'Hôtel Le Royal Lyon', lat: 45.7566, lon: 4.8322 };

const byCarToHotel = { en: 'By car to the hotel', fr: 'En voiture jusqu’à l’hôtel' };
const nightCalasanz = { en: 'Evening and night at the hotel', fr: 'Soirée et nuit à l’hôtel' };
const iceCream = { en: 'Ice cream', fr: 'Une glace' };
const lunch = { en: 'Lunch at 12:30', fr: 'Déjeuner à 12 h 30' };

export const martinsBarcelonaLyon: TripScript = {
  id: 'martins-barcelona-lyon',
  personaId: 'martin-family',
  title: { en: 'The Martins in Barcelona, then Lyon', fr: 'Les Martin à Barcelone, puis à Lyon' },
  summary: {
    en: 'A family week: parks, ice cream and pizza in Barcelona with a rental car, the TGV to Lyon, then the Parc de la Tête d’Or and the slopes of the Croix-Rousse. Lunch at 12:30, back before 21:00.',
    fr: 'Une semaine en famille : parcs, glaces et pizzas à Barcelone en voiture de location, le TGV pour Lyon, puis le parc de la Tête d’Or et les pentes de la Croix-Rousse. Déjeuner à 12 h 30, retour avant 21 h.',
  },
  cities: [
    { id: 'barcelona', timeZone: 'Europe/Madrid' },
    { id: 'lyon', timeZone: 'Europe/Paris' },
  ],
  start: { at: '2026-12-20 10:00', where: PLACA_DE_CATALUNYA },
  end: '2026-12-26 10:30',
  steps: [
    { day: '2026-12-20' },
    {
      import: 'samples/martins-barcelona-then-lyon.json',
      at: '10:00',
      bookings: ['LodgingReservation', 'RentalCarReservation', 'TrainReservation', 'BusReservation'],
      holds: { en: 'Their bus, rental car, hotel Calasanz and TGV to Lyon', fr: 'Leur bus, leur voiture de location, l’hôtel Calasanz et le TGV pour Lyon' },
    },
    { ride: SANTS, depart: '10:10', arrive: '10:35', mode: 'bus', label: { en: 'Bus to Barcelona-Sants', fr: 'Bus jusqu’à Barcelona-Sants' } },
    { stay: 'here', until: '12:00', label: { en: 'A snack, then the rental car desk', fr: 'Un goûter, puis le comptoir de location' } },
    { ride: 'osm:node/4374295994', depart: '12:05', arrive: '12:25', mode: 'car', label: { en: 'By car to Gràcia', fr: 'En voiture jusqu’à Gràcia' } }, // Messié Sin Gluten
    { stay: 'here', until: '13:40', label: lunch },
    { walk: 'osm:node/2868661491' }, // Ottimo Gelats
    { stay: 'here', until: '14:05', label: iceCream },
    { walk: 'osm:relation/7708297' }, // Plaça de Gaudí
    { stay: 'here', until: '15:05', label: { en: 'The Sagrada Família from the park', fr: 'La Sagrada Família depuis le square' } },
    { ride: CALASANZ, depart: '15:10', arrive: '15:45', mode: 'car', label: byCarToHotel },
    { stay: 'here', until: '2026-12-21 09:15', label: nightCalasanz },

    { day: '2026-12-21' },
    { ride: 'osm:relation/271463', depart: '09:15', arrive: '09:50', mode: 'car', label: { en: 'By car to the Ciutadella', fr: 'En voiture jusqu’à la Ciutadella' } },
    { stay: 'here', until: '11:00', label: { en: 'Rowing boats and the Cascada fountain', fr: 'Les barques et la fontaine de la Cascada' } },
    {
      feedback: 'osm:relation/271463',
      kind: 'liked',
      at: '10:50',
      reason: { en: 'The children loved the Parc de la Ciutadella', fr: 'Les enfants ont adoré le parc de la Ciutadella' },
    },
    { walk: 'osm:relation/7348315' }, // Pla de Palau
    { stay: 'here', until: '11:35', label: { en: 'Towards the old port', fr: 'Vers le vieux port' } },
    { walk: 'osm:relation/7842943' }, // Jardins de Rubió i Lluch
    { stay: 'here', until: '12:15', label: { en: 'A garden in the Raval', fr: 'Un jardin dans le Raval' } },
    { walk: 'osm:node/2200465185' }, // Rossini
    { stay: 'here', until: '13:40', label: lunch },
    {
      feedback: 'osm:node/2247768611',
      kind: 'dismissed',
      at: '13:35',
      reason: { en: 'A bar is no place for the children: the Martins dismiss Cassette Bar', fr: 'Un bar, ce n’est pas pour les enfants : les Martin écartent le Cassette Bar' },
    },
    { walk: 'osm:node/4697801489' }, // Rocambolesc
    { stay: 'here', until: '14:05', label: iceCream },
    { walk: 'osm:relation/7843316' }, // Jardins de Miramar
    { stay: 'here', until: '15:15', label: { en: 'The view over the port', fr: 'La vue sur le port' } },
    { walk: 'osm:relation/1165307' }, // Parc de Montjuïc
    { stay: 'here', until: '16:45', label: { en: 'Playgrounds on Montjuïc', fr: 'Les aires de jeux de Montjuïc' } },
    { ride: CALASANZ, depart: '16:50', arrive: '17:30', mode: 'car', label: byCarToHotel },
    { stay: 'here', until: '2026-12-22 09:15', label: nightCalasanz },

    { day: '2026-12-22' },
    { ride: 'osm:relation/3188699', depart: '09:15', arrive: '09:40', mode: 'car', label: { en: 'By car to the Oreneta park', fr: 'En voiture jusqu’au parc de l’Oreneta' } },
    { stay: 'here', until: '11:00', label: { en: 'Paths and playground in the hills', fr: 'Sentiers et aire de jeux sur les hauteurs' } },
    { ride: 'osm:relation/7950604', depart: '11:05', arrive: '11:25', mode: 'car', label: { en: 'By car to Sant Gervasi', fr: 'En voiture jusqu’à Sant Gervasi' } }, // Parc de Monterols
    { stay: 'here', until: '11:55', label: { en: 'The Monterols park', fr: 'Le parc de Monterols' } },
    { walk: 'osm:node/4262034089' }, // Dolce pizza y los veganos
    { stay: 'here', until: '13:45', label: lunch },
    { walk: 'osm:node/5052957721' }, // Creps Barcelona
    { stay: 'here', until: '15:00', label: { en: 'Crêpes for dessert', fr: 'Des crêpes en dessert' } },
    {
      feedback: 'osm:relation/7708297',
      kind: 'been_there',
      at: '14:50',
      reason: { en: 'The Martins saw the Sagrada Família on Sunday', fr: 'Les Martin ont vu la Sagrada Família dimanche' },
    },
    { ride: CALASANZ, depart: '15:10', arrive: '15:45', mode: 'car', label: byCarToHotel },
    { stay: 'here', until: '2026-12-23 08:15', label: { en: 'Packing, and a last night at the hotel', fr: 'Les valises, et une dernière nuit à l’hôtel' } },

    { day: '2026-12-23' },
    { ride: SANTS, depart: '08:15', arrive: '08:45', mode: 'car', label: { en: 'Back to Sants to return the car', fr: 'Retour à Sants pour rendre la voiture' } },
    { stay: 'here', until: '09:25', label: { en: 'Returns the car, boards the TGV', fr: 'Rend la voiture, monte dans le TGV' } },
    { ride: PART_DIEU, depart: '09:25', arrive: '14:26', mode: 'train', city: 'lyon', label: { en: 'TGV 9702 to Lyon Part-Dieu', fr: 'TGV 9702 pour Lyon Part-Dieu' } },
    { stay: 'here', until: '14:40', label: { en: 'Off the train', fr: 'Descendent du train' } },
    {
      import: 'personas/martins-barcelona-lyon/hotel-lyon.json',
      at: '14:30',
      bookings: ['LodgingReservation'],
      holds: { en: 'Three nights at the Hôtel Le Royal, Place Bellecour', fr: 'Trois nuits à l’Hôtel Le Royal, place Bellecour' },
    },
    { ride: HOTEL_LYON, depart: '14:40', arrive: '15:00', mode: 'taxi', label: { en: 'Taxi to Bellecour', fr: 'Taxi jusqu’à Bellecour' } },
    { stay: 'here', until: '15:30', label: { en: 'Check-in', fr: 'Arrivée à l’hôtel' } },
    { walk: 'osm:node/6579591569' }, // Amorino
    { stay: 'here', until: '16:10', label: iceCream },
    { walk: 'osm:relation/4819638' }, // Place du Maréchal Lyautey
    { stay: 'here', until: '17:00', label: { en: 'Along the Rhône', fr: 'Le long du Rhône' } },
    { walk: HOTEL_LYON },
    { stay: 'here', until: '18:40', label: { en: 'Rest at the hotel', fr: 'Repos à l’hôtel' } },
    { walk: 'osm:node/6943633586' }, // Bellie
    { stay: 'here', until: '20:15', label: { en: 'Pizza for dinner', fr: 'Pizza pour le dîner' } },
    { walk: HOTEL_LYON },
    { stay: 'here', until: '2026-12-24 09:40', label: { en: 'Night at the hotel', fr: 'Nuit à l’hôtel' } },

    { day: '2026-12-24' },
    { ride: 'osm:way/4077207', depart: '09:40', arrive: '10:00', mode: 'metro', label: { en: 'Metro to the Parc de la Tête d’Or', fr: 'Métro jusqu’au parc de la Tête d’Or' } },
    { stay: 'here', until: '12:00', label: { en: 'The zoo, the lake and the greenhouses', fr: 'Le zoo, le lac et les grandes serres' } },
    {
      feedback: 'osm:way/4077207',
      kind: 'liked',
      at: '11:45',
      reason: { en: 'A morning the whole family liked: the Parc de la Tête d’Or', fr: 'Une matinée qui a plu à toute la famille : le parc de la Tête d’Or' },
    },
    { walk: 'osm:node/3533525012' }, // Le Marélie
    { stay: 'here', until: '13:40', label: { en: 'Crêpes for lunch', fr: 'Des crêpes pour le déjeuner' } },
    {
      feedback: 'osm:node/2188469214',
      kind: 'dismissed',
      at: '13:35',
      reason: { en: 'No wine bars with the children: the Martins dismiss Le Casse vins', fr: 'Pas de bar à vin avec les enfants : les Martin écartent Le Casse vins' },
    },
    { walk: 'osm:relation/5378712' }, // Parc Jeanne Jugan
    { stay: 'here', until: '15:00', label: { en: 'Playground', fr: 'L’aire de jeux' } },
    { ride: HOTEL_LYON, depart: '15:05', arrive: '15:25', mode: 'metro', label: { en: 'Metro back to Bellecour', fr: 'Métro jusqu’à Bellecour' } },
    { stay: 'here', until: '18:30', label: { en: 'Christmas Eve at the hotel', fr: 'Réveillon à l’hôtel' } },
    { walk: 'osm:node/3637297359' }, // Avarello
    { stay: 'here', until: '20:15', label: { en: 'An early pizza dinner', fr: 'Une pizza de bonne heure' } },
    { walk: HOTEL_LYON },
    { stay: 'here', until: '2026-12-25 10:00', label: { en: 'Night at the hotel', fr: 'Nuit à l’hôtel' } },

    { day: '2026-12-25' },
    { walk: 'osm:relation/6825770' }, // Jardin des Plantes
    { stay: 'here', until: '11:00', label: { en: 'The Jardin des Plantes on the slopes', fr: 'Le jardin des Plantes, sur les pentes' } },
    { walk: 'osm:way/23441534' }, // Jardin de la Grande-Côte
    { stay: 'here', until: '11:45', label: { en: 'The view from the Grande-Côte', fr: 'La vue depuis la Grande-Côte' } },
    { walk: 'osm:node/7119778117' }, // Madamann
    { stay: 'here', until: '13:30', label: lunch },
    {
      feedback: 'museofile:M7042',
      kind: 'been_there',
      at: '13:20',
      reason: { en: 'The Martins saw the Musée des Confluences on their last visit to Lyon', fr: 'Les Martin ont vu le musée des Confluences lors de leur dernière visite à Lyon' },
    },
    { walk: 'osm:node/7088956985' }, // Terre Adélice
    { stay: 'here', until: '14:15', label: iceCream },
    { walk: 'osm:way/1321797301' }, // Parc des Hauteurs
    { stay: 'here', until: '15:30', label: { en: 'The view from Fourvière', fr: 'La vue depuis Fourvière' } },
    { walk: HOTEL_LYON },
    { stay: 'here', until: '2026-12-26 10:00', label: { en: 'Christmas evening at the hotel', fr: 'Soirée de Noël à l’hôtel' } },

    { day: '2026-12-26' },
    { ride: PART_DIEU, depart: '10:00', arrive: '10:20', mode: 'taxi', label: { en: 'Taxi to Part-Dieu, and home', fr: 'Taxi pour la Part-Dieu, et le retour' } },
  ],
};
