/** Every category as an option of a select, by its name in the reader's language, alphabetically. */
import { CATEGORY_IDS, CATEGORY_LABELS } from '@escale/shared';
import { useLocale } from '../i18n/use-locale.ts';

export function CategoryOptions() {
  const locale = useLocale();
  const sorted = [...CATEGORY_IDS].sort((a, b) => CATEGORY_LABELS[a][locale].localeCompare(CATEGORY_LABELS[b][locale], locale));
  return sorted.map((c) => (
    <option key={c} value={c}>
      {CATEGORY_LABELS[c][locale]}
    </option>
  ));
}
