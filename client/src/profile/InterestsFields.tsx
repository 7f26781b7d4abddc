/**
 * What the traveller enjoys (categories, cuisines, music) and what they would rather not be suggested (a
 * disliked category is never suggested), from the choices their city offers. A like kept from before that
 * the city no longer offers stays listed, so saving does not drop it unseen.
 */
import type { InterestRef, ProfileChoices } from '@escale/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileDraft } from './draft.ts';
import { InterestPicker } from './InterestPicker.tsx';

const categoryRef = (id: string): InterestRef => ({ kind: 'category', id });
const tagRef = (id: string): InterestRef => ({ kind: 'tag', id });

/**
 * `words`: whose interests the legends speak of: the traveller's own (`profile`, "Places you like") or a
 * client's as their advisor notes them (`note`, "Places they like").
 */
export function InterestsFields({ choices, draft, onChange, words = 'profile' }: { choices: ProfileChoices; draft: ProfileDraft; onChange(draft: ProfileDraft): void; words?: 'profile' | 'note' }) {
  const { t } = useTranslation();
  const offered = new Set([...choices.categories.map((c) => `category:${c}`), ...[...choices.cuisines, ...choices.music].map((tag) => `tag:${tag}`)]);
  // Taken when the fields appear: unticking one keeps it on screen, to tick again.
  const [others] = useState(() => ({ likes: draft.likes.filter((i) => !offered.has(`${i.kind}:${i.id}`)), dislikes: draft.dislikes.filter((i) => !offered.has(`${i.kind}:${i.id}`)) }));
  const categories = choices.categories.map(categoryRef);
  return (
    <>
      <InterestPicker legend={t(`${words}.likeCategories`)} hint={t(`${words}.likeHint`)} interests={categories} stance="like" draft={draft} onChange={onChange} />
      <InterestPicker legend={t(`${words}.likeCuisines`)} interests={choices.cuisines.map(tagRef)} stance="like" draft={draft} onChange={onChange} />
      <InterestPicker legend={t(`${words}.likeMusic`)} interests={choices.music.map(tagRef)} stance="like" draft={draft} onChange={onChange} />
      <InterestPicker legend={t(`${words}.dislikeCategories`)} hint={t(`${words}.dislikeHint`)} interests={categories} stance="dislike" draft={draft} onChange={onChange} />
      <InterestPicker legend={t(`${words}.otherLikes`)} interests={others.likes} stance="like" draft={draft} onChange={onChange} />
      <InterestPicker legend={t(`${words}.otherDislikes`)} interests={others.dislikes} stance="dislike" draft={draft} onChange={onChange} />
    </>
  );
}
