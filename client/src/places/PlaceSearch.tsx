/**
 * Search the catalogue by name and filter by category ("just bars"): the chosen category also filters the
 * dots on the map. A result opens the place's sheet. Everything is searched on the phone, offline.
 */
import { CATEGORY_LABELS, type CategoryId, formatDistance, type LatLon, type PlacesCollection } from '@escale/shared';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { CategoryIcon } from '../ui/CategoryIcon.tsx';
import { CategoryOptions } from '../ui/CategoryOptions.tsx';
import { type PlaceHit, searchPlaces } from './search.ts';

interface Props {
  places: PlacesCollection | null;
  from: LatLon | null;
  category: CategoryId | null;
  onCategory(category: CategoryId | null): void;
  onChoose(hit: PlaceHit): void;
}

export function PlaceSearch({ places, from, category, onCategory, onChoose }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [query, setQuery] = useState('');
  // Typing stays smooth on a slow phone: the list follows a beat behind the keys.
  const deferredQuery = useDeferredValue(query);
  const result = useMemo(() => (places ? searchPlaces(places, deferredQuery, category, from) : null), [places, deferredQuery, category, from]);
  const searching = query.trim() !== '' || category !== null;

  return (
    <search className="place-search" aria-label={t('places.searchLabel')}>
      <div className="place-search-fields">
        <label className="visually-hidden" htmlFor={`${id}-q`}>
          {t('places.searchLabel')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          className="input"
          placeholder={t('places.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
          enterKeyHint="search"
        />
        <label className="visually-hidden" htmlFor={`${id}-c`}>
          {t('places.categoryLabel')}
        </label>
        <select id={`${id}-c`} className="input" value={category ?? ''} onChange={(e) => onCategory(e.target.value === '' ? null : (e.target.value as CategoryId))}>
          <option value="">{t('places.allCategories')}</option>
          <CategoryOptions />
        </select>
      </div>
      {searching && (
        <p className="place-search-count" role="status">
          {!result
            ? t('places.loadingList')
            : result.total === 0
              ? t('places.noMatch')
              : result.total > result.hits.length
                ? t('places.matchesCapped', { count: result.total, shown: result.hits.length })
                : t('places.matches', { count: result.total })}
        </p>
      )}
      {searching && result && result.hits.length > 0 && (
        <ul className="place-results" aria-label={t('places.results')} data-testid="place-results">
          {result.hits.map((hit) => (
            <li key={hit.id}>
              <button type="button" className="place-result" onClick={() => onChoose(hit)}>
                <CategoryIcon category={hit.category} />
                <span className="place-result-name">{hit.name}</span>
                <span className="place-result-meta">
                  {CATEGORY_LABELS[hit.category][locale]}
                  {hit.distanceMeters !== null && ` · ${formatDistance(hit.distanceMeters, locale)}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </search>
  );
}
