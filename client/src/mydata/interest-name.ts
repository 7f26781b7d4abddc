/** A category or tag as a reader names it ("Museum", "jazz"): labels from the contract, never an id. */
import { CATEGORY_LABELS, type CategoryId, type InterestRef, type Locale, tagLabel } from '@escale/shared';

export function interestName(interest: InterestRef, locale: Locale): string {
  if (interest.kind === 'category' && interest.id in CATEGORY_LABELS) return CATEGORY_LABELS[interest.id as CategoryId][locale];
  return tagLabel(interest.id, locale);
}
