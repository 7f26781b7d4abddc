/**
 * The graph path behind a taste suggestion, drawn small: where the traveller's own history starts, the
 * connector the walk went through most, and the suggestion. Other travellers appear only as a count.
 */
import { CATEGORY_LABELS, renderEvidence, tagLabel, type CategoryId, type TastePath } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';

export function TastePathView({ path }: { path: TastePath }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const from =
    path.from.kind === 'place'
      ? `${t('why.pathYou', { interaction: t(`why.interaction.${path.from.interaction}`) })} ${path.from.name}`
      : `${t('why.pathInterest')}: ${renderEvidence({ key: 'data.stated_like', params: { kind: path.from.interest.kind, id: path.from.interest.id } }, locale)}`;
  const via =
    path.via.kind === 'travellers'
      ? path.via.count > 0
        ? t('why.pathTravellers', { count: path.via.count })
        : t('why.pathTravellersNone')
      : path.via.kind === 'tag'
        ? t('why.pathTag', { tag: tagLabel(path.via.id, locale) })
        : t('why.pathCategory', { category: CATEGORY_LABELS[path.via.id as CategoryId]?.[locale] ?? path.via.id });
  return (
    <figure className="taste-path">
      <figcaption>{t('why.path')}</figcaption>
      <ol>
        <li>{from}</li>
        <li>{via}</li>
        <li>{t('why.pathThis')}</li>
      </ol>
    </figure>
  );
}
