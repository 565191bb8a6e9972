import type { ApiError } from '../../shared/api-result';

interface FailureNoticeProps {
  /** What was being done, e.g. "The library could not be loaded." */
  readonly what: string;
  readonly error: ApiError;
  readonly onRetry: () => void;
}

/** A failed request, said plainly, with its message and a way to try again. */
export function FailureNotice({ what, error, onRetry }: FailureNoticeProps) {
  return (
    <div className="failure" role="alert">
      <p className="failure-what">{what}</p>
      <p className="failure-message">{error.message}</p>
      {error.issues && error.issues.length > 0 && (
        <ul className="failure-issues">
          {error.issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      )}
      <button type="button" className="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
