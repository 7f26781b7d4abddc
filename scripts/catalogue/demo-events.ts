// Demo programme items (invented titles, realistic times and prices) at real venues of places.json; the server dates them relative to today.
import type { EventTemplate } from '../../shared/src/catalogue.ts';

// Weekdays: 0 = Sunday … 6 = Saturday (the city's local calendar).
const SUN = 0, MON = 1, TUE = 2, WED = 3, THU = 4, FRI = 5, SAT = 6;

export const PARIS_EVENTS: EventTemplate[] = [
  // Jazz clubs and concert halls
  { id: 'petit-journal-late-jazz-trio', placeId: 'osm:node/1144156468', title: 'Late-night jazz trio', kind: 'concert', tags: ['jazz', 'live-music'], weekdays: [TUE, WED, THU], startLocal: '21:30', durationMinutes: 120, capacity: 80, priceEur: 25 },
  { id: 'petit-journal-swing-dinner-concert', placeId: 'osm:node/1144156468', title: 'Swing and New Orleans dinner concert', kind: 'concert', tags: ['jazz', 'live-music', 'dinner'], weekdays: [FRI, SAT], startLocal: '20:00', durationMinutes: 180, capacity: 90, priceEur: 48 },
  { id: 'chez-papa-jam-session', placeId: 'osm:node/4986724321', title: 'Tuesday jazz jam session', kind: 'concert', tags: ['jazz', 'live-music'], weekdays: [TUE], startLocal: '21:00', durationMinutes: 150, capacity: 60, priceEur: 10 },
  { id: 'chez-papa-vocal-quartet', placeId: 'osm:node/4986724321', title: 'Vocal jazz quartet', kind: 'concert', tags: ['jazz', 'live-music'], weekdays: [THU, FRI], startLocal: '20:30', durationMinutes: 120, capacity: 60, priceEur: 18 },
  { id: 'olympia-indie-pop-headliner', placeId: 'osm:node/251758260', title: 'Indie pop headline show', kind: 'concert', tags: ['live-music', 'concerts'], weekdays: [FRI, SAT], startLocal: '20:00', durationMinutes: 150, capacity: 1900, priceEur: 45 },
  { id: 'olympia-chanson-revue', placeId: 'osm:node/251758260', title: 'Chanson française revue', kind: 'concert', tags: ['live-music', 'concerts'], weekdays: [WED], startLocal: '20:00', durationMinutes: 120, capacity: 1800, priceEur: 39 },
  { id: 'casino-de-paris-songwriter-night', placeId: 'osm:way/69257631', title: 'Acoustic songwriter night', kind: 'concert', tags: ['live-music', 'concerts'], weekdays: [THU], startLocal: '20:30', durationMinutes: 120, capacity: 1500, priceEur: 35 },

  // Cinemas
  { id: 'max-linder-restored-classic', placeId: 'osm:node/1428007260', title: 'Restored classic on the big screen', kind: 'screening', tags: ['classic-film'], weekdays: [WED], startLocal: '20:00', durationMinutes: 140, capacity: 580, priceEur: 11 },
  { id: 'grand-rex-premiere-night', placeId: 'cnc-cinemas:311', title: 'Big-screen premiere night', kind: 'screening', tags: ['premiere'], weekdays: [FRI], startLocal: '21:00', durationMinutes: 150, capacity: 2700, priceEur: 14 },
  { id: 'champo-film-noir-cycle', placeId: 'cnc-cinemas:8422', title: 'Film noir cycle', kind: 'screening', tags: ['art-et-essai', 'classic-film'], weekdays: [MON, THU], startLocal: '19:30', durationMinutes: 110, capacity: 120, priceEur: 9 },
  { id: 'luminor-original-version-premiere', placeId: 'cnc-cinemas:1791', title: 'Arthouse premiere in original version', kind: 'screening', tags: ['art-et-essai'], weekdays: [TUE], startLocal: '20:30', durationMinutes: 120, capacity: 100, priceEur: 10 },
  { id: 'mk2-beaubourg-director-qa', placeId: 'cnc-cinemas:531', title: 'Screening and director Q&A', kind: 'screening', tags: ['art-et-essai', 'talk'], weekdays: [THU], startLocal: '20:00', durationMinutes: 150, capacity: 150, priceEur: 12 },
  { id: 'grand-action-family-matinee', placeId: 'cnc-cinemas:8531', title: 'Family animation matinee', kind: 'screening', tags: ['kid-friendly', 'animation'], weekdays: [WED, SUN], startLocal: '14:30', durationMinutes: 90, capacity: 150, priceEur: 6 },
  { id: 'louxor-silent-film-piano', placeId: 'cnc-cinemas:9452', title: 'Silent film with live piano', kind: 'screening', tags: ['live-music', 'classic-film'], weekdays: [SUN], startLocal: '17:00', durationMinutes: 100, capacity: 300, priceEur: 12 },
  { id: 'studio-28-cult-night', placeId: 'cnc-cinemas:3741', title: 'Cult film night', kind: 'screening', tags: ['classic-film'], weekdays: [SAT], startLocal: '21:30', durationMinutes: 120, capacity: 170, priceEur: 10 },

  // Theatres and opera houses
  { id: 'garnier-ballet-evening', placeId: 'osm:way/54667456', title: 'Ballet evening', kind: 'performance', tags: ['ballet', 'dance'], weekdays: [TUE, FRI], startLocal: '19:30', durationMinutes: 165, capacity: 1900, priceEur: 70 },
  { id: 'garnier-family-opera-matinee', placeId: 'osm:way/54667456', title: 'Family opera matinee', kind: 'performance', tags: ['opera', 'kid-friendly'], weekdays: [SUN], startLocal: '14:30', durationMinutes: 100, capacity: 1200, priceEur: 25 },
  { id: 'comedie-francaise-moliere', placeId: 'osm:way/54053052', title: 'Molière in repertory', kind: 'performance', tags: ['classic-theatre'], weekdays: [WED, THU, SAT], startLocal: '20:30', durationMinutes: 150, capacity: 860, priceEur: 40 },
  { id: 'mogador-musical', placeId: 'osm:way/69226516', title: 'Broadway musical in French', kind: 'performance', tags: ['musical'], weekdays: [THU, FRI, SAT], startLocal: '20:00', durationMinutes: 165, capacity: 1600, priceEur: 55 },
  { id: 'mogador-musical-matinee', placeId: 'osm:way/69226516', title: 'Broadway musical in French (matinee)', kind: 'performance', tags: ['musical', 'kid-friendly'], weekdays: [SUN], startLocal: '15:00', durationMinutes: 165, capacity: 1600, priceEur: 45 },
  { id: 'varietes-boulevard-comedy', placeId: 'osm:node/1427702658', title: 'Boulevard comedy', kind: 'performance', tags: ['comedy'], weekdays: [WED, THU, FRI], startLocal: '21:00', durationMinutes: 100, capacity: 300, priceEur: 35 },
  { id: 'golden-comedy-english-stand-up', placeId: 'osm:node/10250315409', title: 'English-language stand-up night', kind: 'performance', tags: ['comedy', 'stand-up'], weekdays: [MON, TUE], startLocal: '20:00', durationMinutes: 90, capacity: 80, priceEur: 8 },
  { id: 'antre-magique-kids-magic', placeId: 'osm:node/4855673117', title: 'Close-up magic show for children', kind: 'performance', tags: ['magic', 'kid-friendly'], weekdays: [WED, SAT], startLocal: '15:00', durationMinutes: 60, capacity: 40, priceEur: 15 },
  { id: 'opera-comique-chamber-opera', placeId: 'osm:way/54572719', title: 'Chamber opera evening', kind: 'performance', tags: ['opera'], weekdays: [SAT], startLocal: '20:00', durationMinutes: 150, capacity: 1200, priceEur: 45 },

  // Sport classes
  { id: 'climbing-district-bastille-beginners', placeId: 'osm:node/11162412436', title: 'Bouldering for beginners', kind: 'class', tags: ['bouldering', 'beginners'], weekdays: [MON, WED], startLocal: '19:00', durationMinutes: 90, capacity: 12, priceEur: 25 },
  { id: 'arkose-nation-footwork-clinic', placeId: 'osm:node/5104890766', title: 'Technique clinic: footwork', kind: 'class', tags: ['bouldering'], weekdays: [TUE, THU], startLocal: '18:30', durationMinutes: 75, capacity: 10, priceEur: 22 },
  { id: 'climb-up-top-rope-initiation', placeId: 'osm:way/975295212', title: 'Top-rope initiation', kind: 'class', tags: ['rope-climbing', 'beginners'], weekdays: [SAT], startLocal: '10:30', durationMinutes: 120, capacity: 8, priceEur: 35 },
  { id: 'josephine-baker-lunchtime-aquagym', placeId: 'osm:way/119943935', title: 'Lunchtime aquagym', kind: 'class', tags: ['swimming'], weekdays: [TUE, THU], startLocal: '12:30', durationMinutes: 45, capacity: 30, priceEur: 10 },
  { id: 'pontoise-evening-swim-coaching', placeId: 'osm:way/47273133', title: 'Evening swim coaching', kind: 'class', tags: ['swimming'], weekdays: [FRI], startLocal: '20:00', durationMinutes: 60, capacity: 20, priceEur: 12 },
  { id: 'luxembourg-morning-running-club', placeId: 'osm:way/128206209', title: 'Morning running club (7 km)', kind: 'class', tags: ['running'], weekdays: [WED, SUN], startLocal: '08:00', durationMinutes: 60, capacity: 30, priceEur: 0 },
  { id: 'tuileries-sunset-run', placeId: 'osm:way/53820452', title: 'Sunset run along the Seine', kind: 'class', tags: ['running'], weekdays: [TUE, THU], startLocal: '19:00', durationMinutes: 60, capacity: 25, priceEur: 0 },

  // Exhibitions
  { id: 'orsay-late-exhibition-tour', placeId: 'museofile:M5060', title: 'Late opening: curator-led exhibition tour', kind: 'exhibition', tags: ['beaux-arts', 'guided-tour'], weekdays: [THU], startLocal: '19:00', durationMinutes: 90, capacity: 25, priceEur: 18 },
  { id: 'carnavalet-photography-evening', placeId: 'museofile:M1104', title: 'Paris in photographs: evening opening', kind: 'exhibition', tags: ['photographie'], weekdays: [FRI], startLocal: '18:00', durationMinutes: 180, capacity: 200, priceEur: 12 },
  { id: 'grande-galerie-giant-animals', placeId: 'museofile:M7006', title: 'Giant animals: family exhibition', kind: 'exhibition', tags: ['kid-friendly', 'sciences-de-la-nature'], weekdays: [WED, SAT, SUN], startLocal: '14:00', durationMinutes: 120, capacity: 150, priceEur: 10 },
];
