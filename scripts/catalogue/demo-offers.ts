// Demo agency offers (invented) at real places of places.json, with limited seats; promoted ones are always shown as such.
import type { OfferRecord } from '../../shared/src/catalogue.ts';

export const PARIS_OFFERS: OfferRecord[] = [
  // Wine and food
  { id: 'stereo-natural-wine-dj', placeId: 'osm:node/2973034755', title: 'Natural wine tasting with a DJ set', description: 'Five natural wines chosen by the house, small plates to share, vinyl on the turntables.', priceEur: 35, seats: 16, promoted: true, tags: ['wine', 'natural-wine'] },
  { id: 'terra-wine-flight', placeId: 'osm:node/10925348405', title: 'Three-glass wine flight and cheese board', description: 'Three wines by the glass with a board of French cheeses, in a Marais wine bar.', priceEur: 28, seats: 12, promoted: false, tags: ['wine'] },
  { id: 'willis-rhone-tasting', placeId: 'osm:node/247467737', title: 'Rhône valley wine tasting', description: 'A guided tasting of six Rhône wines at the counter, with bread and charcuterie.', priceEur: 45, seats: 10, promoted: true, tags: ['wine'] },
  { id: 'acme-tasting-menu', placeId: 'osm:node/6575669658', title: 'Six-course tasting menu', description: 'The chef’s seasonal tasting menu; wine pairing available on site.', priceEur: 85, seats: 8, promoted: true, tags: ['tasting-menu', 'wine'] },
  { id: 'sardignac-cheese-pairing', placeId: 'osm:node/5689953454', title: 'Wine and regional cheese pairing', description: 'Four wines from south-west France with matching cheeses.', priceEur: 32, seats: 14, promoted: false, tags: ['wine'] },
  { id: 'cornichon-tapas-evening', placeId: 'osm:node/5204084237', title: 'Tapas and wine evening', description: 'A glass of wine and five tapas to share, early-evening slot.', priceEur: 30, seats: 12, promoted: false, tags: ['wine', 'cuisine:tapas'] },
  { id: 'kodawari-ramen-set', placeId: 'osm:node/4109405290', title: 'Ramen, gyoza and drink set', description: 'A bowl of the house ramen, five gyoza and a soft drink or beer, seat reserved.', priceEur: 22, seats: 20, promoted: false, tags: ['cuisine:ramen'] },
  { id: 'ippudo-ramen-tasting', placeId: 'osm:node/1670306610', title: 'Ramen tasting set', description: 'Three half-bowls to compare broths, with a side of pickles.', priceEur: 25, seats: 10, promoted: true, tags: ['cuisine:ramen'] },
  { id: 'coeur-de-breizh-family-crepes', placeId: 'osm:node/2113353555', title: 'Family crêpe lunch', description: 'A galette, a sweet crêpe and a drink for each person; children’s portions on request.', priceEur: 18, seats: 20, promoted: false, tags: ['kid-friendly', 'cuisine:crepe'] },
  { id: 'faggio-kids-pizza-workshop', placeId: 'osm:node/11805411869', title: 'Children’s pizza-making workshop', description: 'Children make and eat their own pizza with the pizzaiolo (from 6 years, parents welcome).', priceEur: 20, seats: 12, promoted: true, tags: ['kid-friendly', 'cuisine:pizza'] },

  // Climbing, swimming, running
  { id: 'climbing-district-bastille-intro', placeId: 'osm:node/11162412436', title: 'Climbing intro session with shoe rental', description: 'One hour with an instructor on the bouldering walls, then free climbing; shoes included.', priceEur: 20, seats: 12, promoted: true, tags: ['bouldering', 'beginners'] },
  { id: 'arkose-nation-day-pass', placeId: 'osm:node/5104890766', title: 'Day pass and coffee', description: 'Unlimited bouldering for the day and a coffee at the bar.', priceEur: 18, seats: 20, promoted: false, tags: ['bouldering'] },
  { id: 'climb-up-family-session', placeId: 'osm:way/975295212', title: 'Family climbing session (from 6 years)', description: 'An instructor-led rope session for one adult and up to two children.', priceEur: 45, seats: 8, promoted: false, tags: ['kid-friendly', 'rope-climbing'] },
  { id: 'josephine-baker-swim-pass', placeId: 'osm:way/119943935', title: 'Pool entry on the Seine', description: 'Entry to the floating pool, with a reserved time slot.', priceEur: 12, seats: 40, promoted: false, tags: ['swimming'] },
  { id: 'luxembourg-guided-run', placeId: 'osm:way/128206209', title: 'Guided running tour of the Left Bank (8 km)', description: 'A relaxed-pace run from the Jardin du Luxembourg along the Seine, with a local guide.', priceEur: 20, seats: 12, promoted: false, tags: ['running'] },

  // Museums and heritage
  { id: 'orsay-impressionists-guided', placeId: 'museofile:M5060', title: 'Guided visit: the Impressionists in 90 minutes', description: 'A guide takes a small group through the Impressionist galleries; entry ticket included.', priceEur: 28, seats: 20, promoted: true, tags: ['beaux-arts', 'guided-tour'] },
  { id: 'picasso-guided-visit', placeId: 'museofile:M5043', title: 'Guided visit of the Musée Picasso', description: 'Highlights of the collection in the Hôtel Salé, entry included.', priceEur: 24, seats: 15, promoted: false, tags: ['art-moderne-et-contemporain', 'guided-tour'] },
  { id: 'carnavalet-family-treasure-hunt', placeId: 'museofile:M1104', title: 'Family treasure hunt through the history of Paris', description: 'A booklet and a guide for families with children aged 6 to 12.', priceEur: 12, seats: 20, promoted: false, tags: ['kid-friendly', 'guided-tour'] },
  { id: 'grande-galerie-family-ticket', placeId: 'museofile:M7006', title: 'Family ticket with activity booklet', description: 'Entry for two adults and two children, with a booklet for the Grande Galerie.', priceEur: 25, seats: 30, promoted: false, tags: ['kid-friendly'] },
  { id: 'garnier-guided-tour', placeId: 'osm:way/54667456', title: 'Guided tour of the Palais Garnier', description: 'The grand staircase, the foyers and, when possible, the auditorium.', priceEur: 20, seats: 25, promoted: true, tags: ['guided-tour'] },
  { id: 'comedie-francaise-backstage', placeId: 'osm:way/54053052', title: 'Backstage visit of the Comédie-Française', description: 'A one-hour visit behind the scenes of the Salle Richelieu.', priceEur: 15, seats: 15, promoted: false, tags: ['guided-tour'] },

  // Cinema and jazz
  { id: 'luminor-cinema-dinner', placeId: 'cnc-cinemas:1791', title: 'Cinema and dinner in the Marais', description: 'A film in original version and a set dinner in a nearby bistro.', priceEur: 35, seats: 10, promoted: false, tags: ['art-et-essai', 'dinner'] },
  { id: 'grand-rex-backstage-and-film', placeId: 'cnc-cinemas:311', title: 'Behind the screen tour and a film', description: 'A tour of the Grand Rex behind the screen, then a film in the main hall.', priceEur: 22, seats: 30, promoted: false, tags: ['kid-friendly'] },
  { id: 'champo-cine-club-pass', placeId: 'cnc-cinemas:8422', title: 'Ciné-club: film and talk', description: 'A classic film followed by a short talk with a critic.', priceEur: 12, seats: 25, promoted: false, tags: ['art-et-essai', 'talk'] },
  { id: 'petit-journal-jazz-dinner', placeId: 'osm:node/1144156468', title: 'Jazz dinner: set menu and concert', description: 'A three-course set menu and the evening’s concert, table reserved.', priceEur: 55, seats: 20, promoted: true, tags: ['jazz', 'dinner'] },
  { id: 'chez-papa-concert-cocktail', placeId: 'osm:node/4986724321', title: 'Concert and a cocktail', description: 'Entry to the evening set and one cocktail.', priceEur: 25, seats: 16, promoted: false, tags: ['jazz'] },

  // Markets
  { id: 'bastille-market-chef-tour', placeId: 'paris-markets:14', title: 'Market tour and tasting with a chef', description: 'Two hours at the Bastille market with a chef, tasting cheese, bread and fruit.', priceEur: 40, seats: 8, promoted: false, tags: ['food'] },
  { id: 'monge-cheese-walk', placeId: 'paris-markets:5', title: 'Cheese and produce walk', description: 'A guided walk through the Monge market with tastings from four stalls.', priceEur: 35, seats: 10, promoted: false, tags: ['food'] },
];
