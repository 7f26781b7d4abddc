/**
 * Why the catalogue importer rejected a row, left an element out, or kept a place with a change: a code and
 * its values, worded here in English and French, so that the command line (English), the API (`reason`,
 * English) and the console (the reader's language) say the same thing.
 */
import type { Locale } from './evidence.ts';

type Values = Record<string, string | number>;
type Words = (v: Values) => string;

const REASONS = {
  // Not places at all: counted, never listed.
  no_name: { en: () => 'no name', fr: () => 'sans nom' },
  not_leisure: { en: () => 'not a place Escale suggests (no leisure tag)', fr: () => 'pas un lieu qu’Escale suggère (aucune étiquette de loisir)' },
  line: { en: () => 'a line (a street or a path), not a place', fr: () => 'une ligne (une rue, un chemin), pas un lieu' },
  // Rejected rows.
  private_access: { en: (v) => `not open to the public (access=${v.value})`, fr: (v) => `pas ouvert au public (access=${v.value})` },
  out_of_business: { en: (v) => `no longer in business (${v.key}=${v.value})`, fr: (v) => `n’existe plus (${v.key}=${v.value})` },
  closure_note: { en: (v) => `closed or restricted, its ${v.key} says: "${v.value}"`, fr: (v) => `fermé ou réservé, son ${v.key} dit : « ${v.value} »` },
  closed: { en: () => 'closed or private', fr: () => 'fermé ou privé' },
  no_outline: { en: () => 'no usable outline: its ways or nodes are missing from the file', fr: () => 'contour inutilisable : ses chemins ou ses nœuds manquent dans le fichier' },
  duplicate_in_file: { en: (v) => `the id ${v.id} is already earlier in the file`, fr: (v) => `l’identifiant ${v.id} figure déjà plus haut dans le fichier` },
  not_feature: { en: () => 'not a Feature with properties and a geometry', fr: () => 'pas une Feature avec des propriétés et une géométrie' },
  no_point: { en: (v) => `a ${v.geometry} geometry has no point for a place`, fr: (v) => `une géométrie ${v.geometry} ne donne pas de point pour un lieu` },
  no_feature_id: {
    en: () => 'no id: a feature naming its category needs an "id", so that a re-import finds it',
    fr: () => 'pas d’identifiant : une feature qui nomme sa catégorie a besoin d’un « id » pour être retrouvée à l’import suivant',
  },
  field_count: { en: (v) => `${v.found} fields where the header names ${v.expected}`, fr: (v) => `${v.found} champs alors que l’en-tête en nomme ${v.expected}` },
  no_id: {
    en: () => 'no id: each line needs the agency’s own reference, stable across exports',
    fr: () => 'pas d’identifiant : chaque ligne a besoin de la référence de l’agence, stable d’un export à l’autre',
  },
  duplicate_id: { en: (v) => `the id "${v.id}" is already on line ${v.line}`, fr: (v) => `l’identifiant « ${v.id} » est déjà à la ligne ${v.line}` },
  bad_position: { en: (v) => `no valid position (lat "${v.lat}", lon "${v.lon}")`, fr: (v) => `pas de position valable (lat « ${v.lat} », lon « ${v.lon} »)` },
  unknown_category: { en: (v) => `unknown category "${v.value}" (expected one of ${v.expected})`, fr: (v) => `catégorie inconnue « ${v.value} » (attendu : ${v.expected})` },
  no_leisure_tags: {
    en: () => 'its OSM tags name no place Escale suggests (amenity, leisure, tourism, shop, sport)',
    fr: () => 'ses étiquettes OSM ne désignent aucun lieu qu’Escale suggère (amenity, leisure, tourism, shop, sport)',
  },
  bad_tag: { en: (v) => `the tag "${v.tag}" is not a lower-case slug (letters, digits, _ : -)`, fr: (v) => `l’étiquette « ${v.tag} » n’est pas en minuscules (lettres, chiffres, _ : -)` },
  // Kept, with a change.
  hours_unreadable: { en: (v) => `opening_hours "${v.value}" cannot be read: kept as "hours unknown"`, fr: (v) => `horaires « ${v.value} » illisibles : gardé avec « horaires inconnus »` },
  website_invalid: { en: (v) => `website "${v.value}" is not an http(s) address: left out`, fr: (v) => `site « ${v.value} » n’est pas une adresse http(s) : écarté` },
} satisfies Record<string, { en: Words; fr: Words }>;

export type ImportReasonCode = keyof typeof REASONS;
export const IMPORT_REASON_CODES = Object.keys(REASONS) as [ImportReasonCode, ...ImportReasonCode[]];

export function importReasonText(code: ImportReasonCode, values: Values, locale: Locale): string {
  return REASONS[code][locale](values);
}
