/** A refused edit's reason, announced to screen readers; nothing when there is none. */
export function FieldError({
  error,
  testId,
}: {
  error: string | null | undefined;
  testId?: string | undefined;
}) {
  if (!error) return null;
  return (
    <div className="field-error" role="alert" data-testid={testId}>
      {error}
    </div>
  );
}
