// The CNC and markets files write names in capitals without accents; this makes them readable on a card without changing the words.

/** Words the upper-case sources wrote without their accents, restored for display only. */
const ACCENTS: Record<string, string> = {
  alesia: 'Alésia',
  andre: 'André',
  bibliotheque: 'Bibliothèque',
  cineastes: 'Cinéastes',
  cinema: 'Cinéma',
  cite: 'Cité',
  cote: 'Côté',
  crimee: 'Crimée',
  creation: 'Création',
  doree: 'Dorée',
  ecole: 'École',
  ecoles: 'Écoles',
  eloi: 'Éloi',
  elysees: 'Élysées',
  entrepot: 'Entrepôt',
  epee: 'Épée',
  etoile: 'Étoile',
  fetes: 'Fêtes',
  francois: 'François',
  general: 'Général',
  honore: 'Honoré',
  hotel: 'Hôtel',
  medicis: 'Médicis',
  odeon: 'Odéon',
  opera: 'Opéra',
  pantheon: 'Panthéon',
  pathe: 'Pathé',
  pere: 'Père',
  president: 'Président',
  pres: 'Prés',
  reunion: 'Réunion',
  salpetriere: 'Salpêtrière',
  telegraphe: 'Télégraphe',
  biologique: 'Biologique',
  marche: 'Marché',
};
/** Acronyms and brand spellings that must keep their capitals. */
const KEEP_UPPER = new Set(['UGC', 'MK2', 'CGR', 'A&E', 'I', 'II', 'III', 'IV']);
const LOWER_INSIDE = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'aux', 'au', 'sur', 'en', 'à']);

function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase('fr') + word.slice(1);
}

function titleWord(word: string, first: boolean): string {
  if (KEEP_UPPER.has(word)) return word;
  // Hyphenated parts are words of their own: SAXE-BRETEUIL → Saxe-Breteuil.
  if (word.includes('-'))
    return word
      .split('-')
      .map((w, i) => titleWord(w, first && i === 0))
      .join('-');
  const lower = word.toLocaleLowerCase('fr');
  const apostrophe = /^([ldLD])'(.+)$/.exec(lower);
  if (apostrophe) return `${first ? apostrophe[1]!.toUpperCase() : apostrophe[1]}'${titleWord(apostrophe[2]!.toUpperCase(), true)}`;
  if (!first && LOWER_INSIDE.has(lower)) return lower;
  return ACCENTS[lower] ?? capitalise(lower);
}

function isUpper(word: string): boolean {
  return word === word.toLocaleUpperCase('fr') && word !== word.toLocaleLowerCase('fr');
}

/** "CLUB DE L ETOILE" → "Club de l'Étoile"; words already in mixed case ("(Brocante)") are kept. */
export function titleCaseName(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  // A lone L or D before a word is an elided article whose apostrophe the source dropped.
  const words = name.replace(/\b([LD]) (?=[A-ZÀ-Ý])/g, "$1'").split(' ');
  return words.map((w, i) => (isUpper(w) ? titleWord(w, i === 0) : w)).join(' ');
}

/** Muséofile names start in lower case ("musée d'Orsay"); a card title starts with a capital. */
export function capitaliseFirst(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  return capitalise(trimmed);
}
