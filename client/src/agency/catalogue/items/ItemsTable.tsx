/** The table of events, offers or promotions: sortable columns, a row per item, selectable; pages below. */
import { type AdminItemQuery, type CatalogueItemKind } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/use-locale.ts';
import { formatPrice } from '../../../traveller/format.ts';
import type { AdminItemListOf, AdminItemOf } from '../catalogue-api.ts';
import { itemTitle, whenOf } from './item-text.ts';

type Sort = AdminItemQuery['sort'];

interface Props<K extends CatalogueItemKind> {
  kind: K;
  list: AdminItemListOf<K>;
  sort: Sort;
  dir: 'asc' | 'desc';
  timeZone: string;
  selectedId: string | null;
  onSort(sort: Sort): void;
  onPage(page: number): void;
  onSelect(id: string): void;
}

export function ItemsTable<K extends CatalogueItemKind>({ kind, list, sort, dir, timeZone, selectedId, onSort, onPage, onSelect }: Props<K>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const { total, page, pageSize } = list;
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const sortable = (column: Sort) => (
    <th key={column} scope="col" aria-sort={sort === column ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {t(`items.columns.${kind}.${column}`)}
        <span aria-hidden="true">{sort === column ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
  const figures = (item: AdminItemOf<CatalogueItemKind>) => {
    if ('boost' in item) return t('items.boostValue', { percent: Math.round(item.boost * 100) });
    const price = item.price === 0 ? t('card.free') : formatPrice(item.price, item.currency, locale);
    const seats = 'capacity' in item ? item.capacity : item.seats;
    return `${price} · ${t('items.seatsValue', { left: number.format(item.seatsLeft), total: number.format(seats) })}`;
  };
  return (
    <div className="catalogue-table-wrap">
      <table className="console-table catalogue-table">
        <caption className="visually-hidden">{t(`items.${kind}.caption`)}</caption>
        <thead>
          <tr>
            {sortable('title')}
            <th scope="col">{t('items.columns.where')}</th>
            {sortable('starts')}
            <th scope="col">{t(`items.columns.${kind}.figures`)}</th>
            {sortable('status')}
            {sortable('updated')}
          </tr>
        </thead>
        <tbody>
          {list.items.map((item) => (
            <tr key={item.id} className={item.id === selectedId ? 'selected' : undefined} aria-selected={item.id === selectedId}>
              <td>
                <button type="button" className="link-button" onClick={() => onSelect(item.id)}>
                  {itemTitle(item, t)}
                </button>
              </td>
              <td>{item.where?.name ?? '—'}</td>
              <td>{whenOf(item, timeZone, locale, t)}</td>
              <td>{figures(item)}</td>
              <td>
                <span className={`status-badge status-${item.status}`}>{t(`catalogue.status.${item.status}`)}</span>
                {item.pending.length > 0 && item.status !== 'draft' && <span className="status-badge status-pending">{t('catalogue.pendingChanges')}</span>}
                {'running' in item && item.running && <span className="status-badge status-running">{t('items.running')}</span>}
              </td>
              <td>{date.format(new Date(item.updatedAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.items.length === 0 && <p className="muted">{t(`items.${kind}.empty`)}</p>}
      <nav className="pager" aria-label={t('catalogue.pages')}>
        <button type="button" className="button button-quiet" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('catalogue.previous')}
        </button>
        <span role="status">{t('catalogue.range', { first: number.format(first), last: number.format(last), total: number.format(total) })}</span>
        <button type="button" className="button button-quiet" disabled={last >= total} onClick={() => onPage(page + 1)}>
          {t('catalogue.next')}
        </button>
      </nav>
    </div>
  );
}
