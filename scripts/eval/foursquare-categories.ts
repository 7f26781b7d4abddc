/**
 * The 200 Foursquare venue categories of the TSMC2014 NYC file mapped to Escale's leisure categories and
 * tags. Every name is listed: `null` means "not leisure" (homes, offices, transport, schools, shops,
 * services), so a name that is missing from the table is a new one nobody has judged, reported as such.
 * Judgement calls follow the Paris catalogue's rules (data/README.md): bakeries and shops are not leisure
 * places; ice cream and tea are cafés; beer gardens and breweries are bars; pubs and arcades are nightlife.
 */
import type { CategoryId } from '../../shared/src/index.ts';

export interface EscaleCategory {
  category: CategoryId;
  tags: string[];
}

type Row = [CategoryId, ...string[]] | null;
const food = (...cuisines: string[]): Row => ['restaurant', ...cuisines.map((c) => `cuisine:${c}`)];

export const FOURSQUARE_CATEGORIES: Record<string, Row> = {
  // Food
  'American Restaurant': food('american'),
  'Asian Restaurant': food('asian'),
  'Australian Restaurant': food('australian'),
  'BBQ Joint': food('barbecue'),
  'Brazilian Restaurant': food('brazilian'),
  'Breakfast Spot': food('breakfast'),
  'Burger Joint': food('burger'),
  'Burrito Place': food('burrito', 'mexican'),
  'Cajun / Creole Restaurant': food('cajun'),
  'Caribbean Restaurant': food('caribbean'),
  'Chinese Restaurant': food('chinese'),
  'Cuban Restaurant': food('cuban'),
  'Dim Sum Restaurant': food('dim_sum', 'chinese'),
  Diner: food('diner'),
  'Dumpling Restaurant': food('dumpling'),
  'Eastern European Restaurant': food('eastern_european'),
  'Falafel Restaurant': food('falafel'),
  'Fast Food Restaurant': food('fast_food'),
  'Filipino Restaurant': food('filipino'),
  Food: food(),
  'Food Truck': food('street_food'),
  'French Restaurant': food('french'),
  'Fried Chicken Joint': food('chicken'),
  'German Restaurant': food('german'),
  'Hot Dog Joint': food('hot_dog'),
  'Indian Restaurant': food('indian'),
  'Italian Restaurant': food('italian'),
  'Japanese Restaurant': food('japanese'),
  'Korean Restaurant': food('korean'),
  'Latin American Restaurant': food('latin_american'),
  'Mac & Cheese Joint': food('mac_and_cheese'),
  'Malaysian Restaurant': food('malaysian'),
  'Mediterranean Restaurant': food('mediterranean'),
  'Mexican Restaurant': food('mexican'),
  'Middle Eastern Restaurant': food('middle_eastern'),
  'Molecular Gastronomy Restaurant': food('fine_dining'),
  'Pizza Place': food('pizza'),
  'Ramen / Noodle House': food('ramen', 'noodle'),
  Restaurant: food(),
  'Salad Place': food('salad'),
  'Sandwich Place': food('sandwich'),
  'Seafood Restaurant': food('seafood'),
  'Snack Place': food('snack'),
  'Soup Place': food('soup'),
  'South American Restaurant': food('south_american'),
  'Southern / Soul Food Restaurant': food('southern'),
  'Spanish Restaurant': food('spanish'),
  Steakhouse: food('steak_house'),
  'Sushi Restaurant': food('sushi', 'japanese'),
  'Swiss Restaurant': food('swiss'),
  'Taco Place': food('taco', 'mexican'),
  'Tapas Restaurant': food('tapas'),
  'Thai Restaurant': food('thai'),
  'Vegetarian / Vegan Restaurant': ['restaurant', 'vegetarian', 'vegan'],
  'Vietnamese Restaurant': food('vietnamese'),
  'Wings Joint': food('wings'),
  // Cafés
  'Bagel Shop': ['cafe', 'cuisine:bagel'],
  Cafe: ['cafe'],
  'Coffee Shop': ['cafe', 'cuisine:coffee_shop'],
  'Cupcake Shop': ['cafe', 'cuisine:cake'],
  'Dessert Shop': ['cafe', 'cuisine:dessert'],
  'Donut Shop': ['cafe', 'cuisine:donut'],
  'Ice Cream Shop': ['cafe', 'ice-cream'],
  'Tea Room': ['cafe', 'cuisine:tea'],
  // Bars and nightlife
  Bar: ['bar'],
  'Beer Garden': ['bar', 'beer-garden'],
  Brewery: ['bar', 'craft-beer'],
  Gastropub: ['nightlife', 'pub'],
  Arcade: ['nightlife', 'arcade'],
  Casino: ['nightlife', 'casino'],
  'Other Nightlife': ['nightlife'],
  'Pool Hall': ['nightlife', 'billiards'],
  // Culture and shows
  'Art Gallery': ['gallery'],
  'Art Museum': ['museum', 'art'],
  Aquarium: ['museum', 'aquarium'],
  'Historic Site': ['museum', 'historic-site'],
  Museum: ['museum'],
  'Science Museum': ['museum', 'science'],
  'Movie Theater': ['cinema'],
  'Concert Hall': ['music_venue', 'concerts'],
  'Event Space': ['music_venue', 'event-space'],
  'Music Venue': ['music_venue', 'live-music'],
  'Arts & Entertainment': ['theatre', 'entertainment'],
  'Comedy Club': ['theatre', 'comedy'],
  'General Entertainment': ['theatre', 'entertainment'],
  'Performing Arts Venue': ['theatre'],
  Theater: ['theatre'],
  // Sport
  'Athletic & Sport': ['sports_centre'],
  'Bowling Alley': ['sports_centre', 'sport:bowling'],
  'College Stadium': ['sports_centre', 'stadium'],
  'Gym / Fitness Center': ['sports_centre', 'sport:fitness'],
  Pool: ['swimming', 'sport:swimming'],
  Racetrack: ['sports_centre', 'stadium'],
  Stadium: ['sports_centre', 'stadium'],
  // Outdoors
  Beach: ['park', 'outdoor', 'beach'],
  Campground: ['park', 'outdoor'],
  Garden: ['park', 'outdoor'],
  'Harbor / Marina': ['park', 'outdoor', 'waterfront'],
  'Other Great Outdoors': ['park', 'outdoor'],
  'Outdoors & Recreation': ['park', 'outdoor'],
  Park: ['park', 'outdoor'],
  Playground: ['park', 'outdoor', 'playground'],
  Plaza: ['park', 'outdoor', 'plaza'],
  River: ['park', 'outdoor', 'waterfront'],
  'Scenic Lookout': ['park', 'outdoor', 'viewpoint'],
  'Sculpture Garden': ['park', 'outdoor', 'art'],
  Zoo: ['park', 'outdoor', 'zoo'],
  // Markets
  Fair: ['market', 'fair'],
  'Flea Market': ['market', 'flea-market'],

  // Not leisure: where people live, work, study, travel through, shop or get a service.
  'Home (private)': null,
  'Residential Building (Apartment / Condo)': null,
  'Housing Development': null,
  Neighborhood: null,
  City: null,
  Office: null,
  Building: null,
  Factory: null,
  'Design Studio': null,
  'Professional & Other Places': null,
  'Government Building': null,
  'Convention Center': null,
  'Military Base': null,
  'Recycling Facility': null,
  'Animal Shelter': null,
  'Funeral Home': null,
  Cemetery: null,
  'Medical Center': null,
  'Medical School': null,
  'College Academic Building': null,
  'College & University': null,
  'Community College': null,
  'General College & University': null,
  University: null,
  'Law School': null,
  'Trade School': null,
  School: null,
  'High School': null,
  'Middle School': null,
  'Elementary School': null,
  'Nursery School': null,
  'Student Center': null,
  Library: null,
  Church: null,
  Synagogue: null,
  Temple: null,
  Shrine: null,
  'Spiritual Center': null,
  Airport: null,
  'Bus Station': null,
  Ferry: null,
  'Light Rail': null,
  Subway: null,
  'Train Station': null,
  Taxi: null,
  Road: null,
  Bridge: null,
  Parking: null,
  'Gas Station / Garage': null,
  'Rest Area': null,
  'Rental Car Location': null,
  'Travel & Transport': null,
  'Travel Lounge': null,
  'General Travel': null,
  Hotel: null,
  'Moving Target': null,
  Bank: null,
  'Post Office': null,
  'Laundry Service': null,
  'Salon / Barbershop': null,
  'Spa / Massage': null,
  'Tanning Salon': null,
  'Automotive Shop': null,
  'Antique Shop': null,
  'Arts & Crafts Store': null,
  Bakery: null,
  Bookstore: null,
  'Camera Store': null,
  'Candy Store': null,
  'Clothing Store': null,
  'Convenience Store': null,
  'Cosmetics Shop': null,
  'Deli / Bodega': null,
  'Department Store': null,
  'Drugstore / Pharmacy': null,
  'Electronics Store': null,
  'Food & Drink Shop': null,
  'Furniture / Home Store': null,
  'Hardware Store': null,
  'Hobby Shop': null,
  'Jewelry Store': null,
  Mall: null,
  'Miscellaneous Shop': null,
  'Mobile Phone Shop': null,
  'Music Store': null,
  'Paper / Office Supplies Store': null,
  'Pet Store': null,
  'Smoke Shop': null,
  'Sporting Goods Shop': null,
  'Thrift / Vintage Store': null,
  'Toy / Game Store': null,
};

/** "Ramen / Noodle House" → "ramen-noodle-house". */
export function categorySlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * Escale's category and tags for a Foursquare category name; `null` for a category that is not leisure;
 * `undefined` for a name missing from the table (counted and reported by the replay), or no name at all (a
 * file without a category column). Runs of spaces are collapsed: the NYC file writes "Ramen /  Noodle House".
 */
export function mapFoursquareCategory(rawName: string | null): EscaleCategory | null | undefined {
  if (rawName === null) return undefined;
  const name = rawName.replace(/\s+/g, ' ').trim();
  if (!Object.hasOwn(FOURSQUARE_CATEGORIES, name)) return undefined;
  const row = FOURSQUARE_CATEGORIES[name];
  if (!row) return null;
  const [category, ...tags] = row;
  return { category, tags: [...tags, `fsq:${categorySlug(name)}`].sort() };
}
