/**
 * A native <dialog> shown as a modal while `open` is true. The browser gives Escape, focus containment and
 * an inert background; this hook keeps React's state and the DOM in agreement, moves focus to the element
 * marked `data-autofocus`, and hands focus back to whatever opened the dialog.
 */
import { type MouseEvent, type SyntheticEvent, useEffect, useRef } from 'react';

interface Options {
  /** A tap outside closes a read-only panel; a form would lose its edits that way, so it opts out. */
  closeOnBackdrop: boolean;
}

export function useModalDialog(open: boolean, onClose: () => void, { closeOnBackdrop }: Options) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement;
      element.showModal();
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && element.open) {
      element.close();
      returnFocus(opener.current);
    }
  }, [open]);

  // A dialog unmounted while open (a lazily loaded one closes that way) hands focus back too. The element is
  // captured now: React has detached the ref by the time this cleanup runs.
  useEffect(() => {
    const element = ref.current;
    return () => {
      if (!element?.open) return;
      element.close();
      returnFocus(opener.current);
    };
  }, []);

  return {
    ref,
    onCancel(event: SyntheticEvent) {
      event.preventDefault(); // Escape: let state close it, so React and the DOM agree
      onClose();
    },
    onClick(event: MouseEvent) {
      if (closeOnBackdrop && event.target === ref.current) onClose(); // a tap on the backdrop
    },
  };
}

/** The opener may be gone (its card was dismissed or replaced by a push); then focus stays on the body. */
function returnFocus(opener: Element | null): void {
  if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
}
