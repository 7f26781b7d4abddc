/** The top of a dialog sheet: its title (which names the dialog) and the Close button that gets focus on open. */
export function SheetHead({ id, title, closeLabel, onClose }: { id: string; title: string; closeLabel: string; onClose(): void }) {
  return (
    <div className="sheet-head">
      <h2 id={id}>{title}</h2>
      <button type="button" className="button" onClick={onClose} data-autofocus>
        {closeLabel}
      </button>
    </div>
  );
}
