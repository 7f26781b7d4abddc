/**
 * French prepositions before a place's name: « au Théâtre de l’Olympia », « aux Halles », « à la Piscine
 * Pontoise », « à l’Olympia », « chez Willi’s Wine Bar » would be too clever: an unknown name gets « à ».
 */

/** Common nouns that open place names, by gender: « au Musée … », « à la Galerie … ». */
const MASCULINE = new Set([
  'théâtre',
  'musée',
  'cinéma',
  'parc',
  'jardin',
  'marché',
  'bar',
  'café',
  'restaurant',
  'square',
  'club',
  'centre',
  'stade',
  'gymnase',
  'bistrot',
  'caveau',
  'palais',
  'pavillon',
]);
const FEMININE = new Set(['piscine', 'galerie', 'salle', 'maison', 'cité', 'fondation', 'halle', 'brasserie', 'cave', 'crêperie', 'pizzeria', 'cinémathèque', 'philharmonie', 'bibliothèque']);

/** "at <place>" in French. */
export function frenchAt(name: string): string {
  const match = /^(?:(Les|Le|La)\s+|(L['’]))(.+)$/u.exec(name);
  if (match) {
    const [, word, elided, rest] = match;
    if (word === 'Le') return `au ${rest}`;
    if (word === 'Les') return `aux ${rest}`;
    return word === 'La' ? `à la ${rest}` : `à ${elided!.toLowerCase()}${rest}`;
  }
  const first = name.split(/[\s'’-]/u)[0]!.toLowerCase();
  if (MASCULINE.has(first)) return `au ${name}`;
  if (FEMININE.has(first)) return `à la ${name}`;
  return `à ${name}`;
}
