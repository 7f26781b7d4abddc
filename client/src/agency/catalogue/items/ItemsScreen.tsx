/**
 * The console's events, offers or promotions: a filterable, sortable, paginated table next to a map of
 * where they are had, the item being edited or made, and Publish for what waits of this kind. Viewers see
 * it all, editors change it. One screen for the three kinds: only the editor's fields and a column differ.
 */
import { type AdminItemQuery, type CatalogueItemKind, type ClientConfig } from '@escale/shared';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getConfig } from '../../../api/api.ts';
import { useLocale } from '../../../i18n/use-locale.ts';
import { MapErrorBoundary } from '../../../map/MapErrorBoundary.tsx';
import { failureText } from '../../../profile/failure-text.ts';
import { ErrorNotice } from '../../../ui/ErrorNotice.tsx';
import { type AdminItemListOf, type AdminItemOf, archiveItems, createItem, discardItem, editItem, listItems, publishKind, restoreItems } from '../catalogue-api.ts';
import { CatalogueTabs } from '../CatalogueTabs.tsx';
import { ItemEditor } from './ItemEditor.tsx';
import { ItemsTable } from './ItemsTable.tsx';

const CatalogueMap = lazy(() => import('../CatalogueMap.tsx'));
const PAGE_SIZE = 25;

type Filters = { q: string; status: NonNullable<AdminItemQuery['status']> | ''; when: AdminItemQuery['when'] };
type Selection<K extends CatalogueItemKind> = { item: AdminItemOf<K> } | { item: null } | null;

export function ItemsScreen<K extends CatalogueItemKind>({ kind, canEdit }: { kind: K; canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [config, setConfig] = useState<ClientConfig | null>(null);
  const [filters, setFilters] = useState<Filters>({ q: '', status: '', when: 'upcoming' });
  const [order, setOrder] = useState<{ sort: AdminItemQuery['sort']; dir: 'asc' | 'desc' }>({ sort: 'starts', dir: 'asc' });
  const [page, setPage] = useState(1);
  const [list, setList] = useState<AdminItemListOf<K> | null>(null);
  const [selected, setSelected] = useState<Selection<K>>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ key: string; values?: Record<string, unknown> } | null>(null);
  const [mapReady, setMapReady] = useState(false);

  useEffect(() => void getConfig().then(setConfig, (e: unknown) => setError(failureText(e, t))), [t]);
  const load = useCallback(() => {
    listItems(kind, { ...filters, ...order, page, pageSize: PAGE_SIZE }).then(
      (l) => {
        setList(l);
        // The item being edited, as the server now has it (a publication changes its state).
        setSelected((current) => (current?.item ? { item: (l.items as AdminItemOf<K>[]).find((i) => i.id === current.item!.id) ?? current.item } : current));
        setError(null);
      },
      (e: unknown) => setError(failureText(e, t)),
    );
  }, [kind, filters, order, page, t]);
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
  const filter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const current = selected?.item ?? null;
  const points = useMemo(
    () => (list?.items ?? []).flatMap((i) => (i.where ? [{ id: i.id, lat: i.where.lat, lon: i.where.lon, category: i.where.category, draft: i.status !== 'published' }] : [])),
    [list],
  );
  const toPublish = list?.toPublish ?? 0;
  const timeZone = config?.city.timezone ?? 'UTC';
  const count = (n: number) => ({ count: n, formatted: new Intl.NumberFormat(locale).format(n) });

  return (
    <div className="page console-page catalogue-page">
      <CatalogueTabs />
      <div className="catalogue-head">
        <h1>{t(`items.${kind}.title`)}</h1>
        {canEdit && (
          <div className="actions">
            <button type="button" className="button" onClick={() => setSelected({ item: null })}>
              {t(`items.${kind}.new`)}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={toPublish === 0}
              onClick={() =>
                void act(async () => {
                  const { published } = await publishKind(kind);
                  setNotice({ key: `items.${kind}.published`, values: count(published) });
                })
              }
            >
              {toPublish === 0 ? t('catalogue.nothingToPublish') : t(`items.${kind}.publish`, count(toPublish))}
            </button>
          </div>
        )}
      </div>
      <p className="muted">{t(`items.${kind}.intro`)}</p>
      {notice && (
        <p className="notice-info" role="status">
          {t(notice.key, notice.values)}
        </p>
      )}
      <ErrorNotice error={error} />
      <form className="catalogue-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="items-q">{t('catalogue.search')}</label>
          <input id="items-q" type="search" value={filters.q} onChange={(e) => filter({ q: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="items-status">{t('catalogue.columns.status')}</label>
          <select id="items-status" value={filters.status} onChange={(e) => filter({ status: e.target.value as Filters['status'] })}>
            <option value="">{t('catalogue.all')}</option>
            {(['pending', 'draft', 'published', 'archived'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`catalogue.filterStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="items-when">{t('items.when')}</label>
          <select id="items-when" value={filters.when} onChange={(e) => filter({ when: e.target.value as Filters['when'] })}>
            <option value="upcoming">{t(`items.${kind}.upcoming`)}</option>
            <option value="all">{t('items.allTimes')}</option>
          </select>
        </div>
      </form>
      <div className="catalogue-body">
        {list && config && (
          <ItemsTable
            kind={kind}
            list={list}
            {...order}
            timeZone={timeZone}
            selectedId={current?.id ?? null}
            onSort={(sort) => setOrder((o) => ({ sort, dir: o.sort === sort && o.dir === 'asc' ? 'desc' : 'asc' }))}
            onPage={setPage}
            onSelect={(id) => setSelected({ item: (list.items as AdminItemOf<K>[]).find((i) => i.id === id)! })}
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
                    selected={current?.where ?? null}
                    onSelect={(id) => setSelected({ item: (list.items as AdminItemOf<K>[]).find((i) => i.id === id)! })}
                    onReady={() => setMapReady(true)}
                  />
                </Suspense>
              </MapErrorBoundary>
            )}
          </div>
          {selected && config && (
            <ItemEditor
              kind={kind}
              item={current}
              canEdit={canEdit}
              timeZone={timeZone}
              cityName={config.city.name}
              onSave={(body) =>
                act(
                  async () => {
                    const saved = current ? await editItem(kind, current.id, body) : await createItem(kind, body);
                    setSelected({ item: saved as AdminItemOf<K> });
                  },
                  { key: current ? 'catalogue.saved' : 'items.created' },
                )
              }
              onDiscard={() =>
                act(
                  async () => {
                    await discardItem(kind, current!.id);
                    setSelected(null);
                  },
                  { key: 'catalogue.discarded' },
                )
              }
              onArchive={(archived) =>
                act(
                  async () => {
                    await (archived ? archiveItems : restoreItems)(kind, [current!.id]);
                    setSelected({ item: { ...current!, status: archived ? 'archived' : 'published' } });
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
