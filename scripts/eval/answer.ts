/**
 * One suggestion as the evaluation sees it, whoever produced it. Escale's suggestions carry their
 * explanation; a baseline's do not (`explanation: null`), so a property that needs one fails honestly.
 */
import type { SignalContribution, SignalId, SuggestedItem, Suggestion } from '../../shared/src/index.ts';

export interface EvalAnswer {
  kind: SuggestedItem['kind'];
  id: string;
  title: string;
  place: SuggestedItem['place'];
  /** What the traveller is shown; null when no distance is shown. */
  distanceMeters: number | null;
  walkMinutes: number | null;
  explanation: {
    driver: SignalId;
    contributions: SignalContribution[];
    promotion: { agencyName: string } | null;
  } | null;
}

export function fromSuggestion(s: Suggestion): EvalAnswer {
  return {
    kind: s.item.kind,
    id: s.item.id,
    title: s.item.title,
    place: s.item.place,
    distanceMeters: s.distanceMeters,
    walkMinutes: s.walkMinutes,
    explanation: { driver: s.driver, contributions: s.contributions, promotion: s.promotion ? { agencyName: s.promotion.agencyName } : null },
  };
}

/** The label used in failure messages: `#2 "Jardin des Tuileries"`. */
export function label(a: EvalAnswer, index: number): string {
  return `#${index + 1} "${a.title}"`;
}
