/**
 * "Undo" for the last thing the traveller did to their feed (a feedback, a signal switched off, "fewer like
 * this"), for a few seconds: a tap on the wrong button costs nothing. The sentence is announced politely;
 * the bar goes by itself.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Long enough to read the sentence and reach the button; short enough not to linger over the feed. */
export const UNDO_MS = 10_000;

interface Props {
  /** What was done, as a sentence; a new sentence restarts the delay. */
  text: string;
  onUndo(): void;
  onExpire(): void;
}

export function UndoBar({ text, onUndo, onExpire }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = setTimeout(onExpire, UNDO_MS);
    return () => clearTimeout(timer);
  }, [text, onExpire]);
  return (
    <div className="undo-bar" role="status" data-testid="undo-bar">
      <span>{text}</span>
      <button type="button" className="button" onClick={onUndo} aria-label={t('undo.undoLabel', { what: text })}>
        {t('undo.undo')}
      </button>
    </div>
  );
}
