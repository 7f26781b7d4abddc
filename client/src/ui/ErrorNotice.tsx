/** A failure said where it happened, announced at once (role=alert); nothing when there is none. */
export function ErrorNotice({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="notice-error" role="alert">
      {error}
    </p>
  );
}
