/**
 * The catalogue screen of the console: a filterable, sortable, paginated table of the agency's places next
 * to a map of the page, the place being edited (its pin dragged to move it), the importer, and Publish,
 * which puts every waiting change in front of travellers at once. Viewers see it all, editors change it.
 */
import { type AdminPlace, type AdminPlaceList, type AdminPlaceQuery, type CategoryId, type ClientConfig, type PlaceEdit } from '@escale/shared';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getConfig } from '../../api/api.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { CategoryOptions } from '../../ui/CategoryOptions.tsx';
import { MapErrorBoundary } from '../../map/MapErrorBoundary.tsx';
import { failureText } from '../../profile/failure-text.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { archivePlaces, discardPlace, editPlace, listPlaces, publishAll, restorePlaces } from './catalogue-api.ts';
import { CatalogueTabs } from './CatalogueTabs.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { PlaceEditor } from './PlaceEditor.tsx';
import { PlacesTable } from './PlacesTable.tsx';

const CatalogueMap = lazy(() => import('./CatalogueMap.tsx'));
const PAGE_SIZE = 25;

type Filters = { q: string; category: CategoryId | ''; status: NonNullable<AdminPlaceQuery['status']> | '' };

export function CatalogueScreen({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [config, setConfig] = useState<ClientConfig | null>(null);
  const [filters, setFilters] = useState<Filters>({ q: '', category: '', status: '' });
  const [order, setOrder] = useState<{ sort: AdminPlaceQuery['sort']; dir: 'asc' | 'desc' }>({ sort: 'name', dir: 'asc' });
  const [page, setPage] = useState(1);
  const [list, setList] = useState<AdminPlaceList | null>(null);
  const [selected, setSelected] = useState<AdminPlace | null>(null);
  const [moved, setMoved] = useState<{ lat: number; lon: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A key and its values, not a sentence: it is said again in the other language when the language changes.
  const [notice, setNotice] = useState<{ key: string; values?: Record<string, unknown> } | null>(null);
  const [importing, setImporting] = useState(false);
  const [mapReady, setMapReady] = useState(false);

  useEffect(() => void getConfig().then(setConfig, (e: unknown) => setError(failureText(e, t))), [t]);
  const load = useCallback(() => {
    listPlaces({ ...filters, ...order, page, pageSize: PAGE_SIZE }).then(
      (l) => {
        setList(l);
        // The place being edited, as the server now has it (a publication changes its state).
        setSelected((current) => (current ? (l.places.find((p) => p.id === current.id) ?? current) : current));
        setError(null);
      },
      (e: unknown) => setError(failureText(e, t)),
    );
  }, [filters, order, page, t]);
  useEffect(load, [load]);

  const act = async (work: () => Promise<unknown>, done?: { key: string; values?: Record<string, unknown> }) => {
    setNotice(null);
    try {
      await work();
      if (done) setNotice(done);
      setError(null);
      load();
    } catch (e) {
      setError(failureText(e, t));
    }
  };
  const select = (id: string) => {
    setMoved(null);
    setSelected(list?.places.find((p) => p.id === id) ?? null);
  };
  const save = (edit: PlaceEdit) =>
    act(
      async () => {
        const place = await editPlace(selected!.id, edit);
        setSelected(place);
        setMoved(null);
      },
      { key: 'catalogue.saved' },
    );
  const filter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const toPublish = list?.toPublish ?? 0;
  const points = useMemo(() => (list?.places ?? []).map((p) => ({ id: p.id, lat: p.lat, lon: p.lon, category: p.category, draft: p.status !== 'published' })), [list]);

  return (
    <div className="page console-page catalogue-page">
      <CatalogueTabs />
      <div className="catalogue-head">
        <h1>{t('catalogue.title')}</h1>
        {canEdit && (
          <div className="actions">
            <button type="button" className="button" aria-expanded={importing} onClick={() => setImporting(!importing)}>
              {t('catalogue.import.open')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={toPublish === 0}
              onClick={() =>
                void act(async () => {
                  const { published } = await publishAll();
                  setNotice({ key: 'catalogue.published', values: { count: published, formatted: new Intl.NumberFormat(locale).format(published) } });
                })
              }
            >
              {toPublish === 0 ? t('catalogue.nothingToPublish') : t('catalogue.publish', { count: toPublish, formatted: new Intl.NumberFormat(locale).format(toPublish) })}
            </button>
          </div>
        )}
      </div>
      <p className="muted">{t('catalogue.intro')}</p>
      {notice && (
        <p className="notice-info" role="status">
          {t(notice.key, notice.values)}
        </p>
      )}
      <ErrorNotice error={error} />
      {importing && <ImportPanel onApplied={load} />}
      <form className="catalogue-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="catalogue-q">{t('catalogue.search')}</label>
          <input id="catalogue-q" type="search" value={filters.q} onChange={(e) => filter({ q: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="catalogue-category">{t('catalogue.columns.category')}</label>
          <select id="catalogue-category" value={filters.category} onChange={(e) => filter({ category: e.target.value as CategoryId | '' })}>
            <option value="">{t('catalogue.all')}</option>
            <CategoryOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalogue-status">{t('catalogue.columns.status')}</label>
          <select id="catalogue-status" value={filters.status} onChange={(e) => filter({ status: e.target.value as Filters['status'] })}>
            <option value="">{t('catalogue.all')}</option>
            {(['pending', 'draft', 'published', 'archived'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`catalogue.filterStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <div className="catalogue-body">
        {list && (
          <PlacesTable
            {...list}
            {...order}
            selectedId={selected?.id ?? null}
            onSort={(sort) => setOrder((o) => ({ sort, dir: o.sort === sort && o.dir === 'asc' ? 'desc' : 'asc' }))}
            onPage={setPage}
            onSelect={select}
          />
        )}
        <div className="catalogue-side">
          <div className="map catalogue-map" data-testid="map" data-map-ready={mapReady ? 'true' : 'false'}>
            {config && list && (
              <MapErrorBoundary onError={() => setError(t('map.failed'))}>
                <Suspense fallback={<p className="map-message">{t('map.loading')}</p>}>
                  <CatalogueMap
                    config={config}
                    places={points}
                    selected={selected && moved ? { ...selected, ...moved } : selected}
                    onSelect={select}
                    onMove={(lat, lon) => setMoved({ lat, lon })}
                    onReady={() => setMapReady(true)}
                  />
                </Suspense>
              </MapErrorBoundary>
            )}
          </div>
          {selected && (
            <PlaceEditor
              place={selected}
              canEdit={canEdit}
              moved={moved}
              onSave={save}
              onDiscard={() =>
                act(
                  async () => {
                    await discardPlace(selected.id);
                    setSelected(null);
                  },
                  { key: 'catalogue.discarded' },
                )
              }
              onArchive={(archived) =>
                act(
                  async () => {
                    await (archived ? archivePlaces : restorePlaces)([selected.id]);
                    setSelected({ ...selected, status: archived ? 'archived' : 'published' });
                  },
                  { key: archived ? 'catalogue.archived' : 'catalogue.restored' },
                )
              }
              onClose={() => setSelected(null)}
            />
          )}
        </div>
      </div>
    </div>
  );
}
