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

export function InterestsFields({ choices, draft, onChange }: { choices: ProfileChoices; draft: ProfileDraft; onChange(draft: ProfileDraft): void }) {
  const { t } = useTranslation();
  const offered = new Set([...choices.categories.map((c) => `category:${c}`), ...[...choices.cuisines, ...choices.music].map((tag) => `tag:${tag}`)]);
  // Taken when the fields appear: unticking one keeps it on screen, to tick again.
  const [others] = useState(() => ({ likes: draft.likes.filter((i) => !offered.has(`${i.kind}:${i.id}`)), dislikes: draft.dislikes.filter((i) => !offered.has(`${i.kind}:${i.id}`)) }));
  const categories = choices.categories.map(categoryRef);
  return (
    <>
      <InterestPicker legend={t('profile.likeCategories')} hint={t('profile.likeHint')} interests={categories} stance="like" draft={draft} onChange={onChange} />
      <InterestPicker legend={t('profile.likeCuisines')} interests={choices.cuisines.map(tagRef)} stance="like" draft={draft} onChange={onChange} />
      <InterestPicker legend={t('profile.likeMusic')} interests={choices.music.map(tagRef)} stance="like" draft={draft} onChange={onChange} />
      <InterestPicker legend={t('profile.dislikeCategories')} hint={t('profile.dislikeHint')} interests={categories} stance="dislike" draft={draft} onChange={onChange} />
      <InterestPicker legend={t('profile.otherLikes')} interests={others.likes} stance="like" draft={draft} onChange={onChange} />
      <InterestPicker legend={t('profile.otherDislikes')} interests={others.dislikes} stance="dislike" draft={draft} onChange={onChange} />
    </>
  );
}
