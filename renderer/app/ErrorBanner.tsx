import type { ErrorData } from '../../shared/ipc/errors';

/** An expected failure, shown with its actionable message; the code is for support calls. */
export function ErrorBanner({ error }: { error: ErrorData }) {
  return (
    <div className="error-banner" role="alert" data-error-code={error.code}>
      {error.message}
    </div>
  );
}
