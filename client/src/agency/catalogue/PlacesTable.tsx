/** The catalogue's table: sortable columns (a button in each header), a row per place, selectable; pages below. */
import { type AdminPlace, type AdminPlaceQuery, CATEGORY_LABELS } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale.ts';

type Sort = AdminPlaceQuery['sort'];
const COLUMNS: Sort[] = ['name', 'category', 'status', 'updated'];

interface Props {
  places: AdminPlace[];
  total: number;
  page: number;
  pageSize: number;
  sort: Sort;
  dir: 'asc' | 'desc';
  selectedId: string | null;
  onSort(sort: Sort): void;
  onPage(page: number): void;
  onSelect(id: string): void;
}

export function PlacesTable({ places, total, page, pageSize, sort, dir, selectedId, onSort, onPage, onSelect }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <div className="catalogue-table-wrap">
      <table className="console-table catalogue-table">
        <caption className="visually-hidden">{t('catalogue.tableCaption')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" aria-sort={sort === c ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" className="sort-button" onClick={() => onSort(c)}>
                  {t(`catalogue.columns.${c}`)}
                  <span aria-hidden="true">{sort === c ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {places.map((p) => (
            <tr key={p.id} className={p.id === selectedId ? 'selected' : undefined} aria-selected={p.id === selectedId}>
              <td>
                <button type="button" className="link-button" onClick={() => onSelect(p.id)}>
                  {p.name}
                </button>
                {p.address && <span className="muted catalogue-address">{p.address}</span>}
              </td>
              <td>{CATEGORY_LABELS[p.category][locale]}</td>
              <td>
                <span className={`status-badge status-${p.status}`}>{t(`catalogue.status.${p.status}`)}</span>
                {p.pending.length > 0 && p.status !== 'draft' && <span className="status-badge status-pending">{t('catalogue.pendingChanges')}</span>}
              </td>
              <td>{date.format(new Date(p.updatedAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {places.length === 0 && <p className="muted">{t('catalogue.empty')}</p>}
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
