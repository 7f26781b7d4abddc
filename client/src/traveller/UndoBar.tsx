/**
 * "Undo" for the last feedback, for a few seconds: a tap on the wrong button costs nothing. The sentence is
 * announced politely; the bar goes by itself.
 */
import type { FeedbackKind } from '@escale/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Long enough to read the sentence and reach the button; short enough not to linger over the feed. */
export const UNDO_MS = 10_000;

interface Props {
  undo: { placeId: string; kind: FeedbackKind; name: string };
  onUndo(): void;
  onExpire(): void;
}

export function UndoBar({ undo, onUndo, onExpire }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = setTimeout(onExpire, UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo, onExpire]);
  const what = t(`undo.${undo.kind}`, { name: undo.name });
  return (
    <div className="undo-bar" role="status" data-testid="undo-bar">
      <span>{what}</span>
      <button type="button" className="button" onClick={onUndo} aria-label={t('undo.undoLabel', { what })}>
        {t('undo.undo')}
      </button>
    </div>
  );
}
