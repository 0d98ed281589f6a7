import { useEffect, useRef } from 'react';

/**
 * Drives a native <dialog> from React state as a modal: the browser traps focus in it and makes
 * the page behind inert; Escape asks to close (the parent decides); on close, focus goes back to
 * the control that opened it.
 */
export const useModalDialog = (open: boolean, onClose: () => void) => {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      returnTo.current?.focus();
    }
  }, [open]);

  // Unmounted while open (the screen changed): still give focus back.
  useEffect(
    () => () => {
      if (ref.current?.open) returnTo.current?.focus();
    },
    [],
  );

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Escape: keep the dialog open until the parent's state says otherwise.
    const cancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => dialog.removeEventListener('cancel', cancel);
  }, []);

  /** A click on the backdrop (outside the panel) closes, as Escape does. */
  const onBackdropClick = (event: React.MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) closeRef.current();
  };
  return { ref, onBackdropClick };
};
