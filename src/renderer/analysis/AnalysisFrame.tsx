import { useId, type ReactNode } from 'react';
import type { Resource } from '../app/use-api-resource';
import { FailureNotice } from '../app/FailureNotice';

interface AnalysisFrameProps<T> {
  readonly title: string;
  readonly intro: ReactNode;
  /** The view's choices and exports, beside each other under the intro. */
  readonly controls: ReactNode;
  /** A failed export or change, said under the controls. */
  readonly failure: string | null;
  readonly resource: Resource<T>;
  /** What the view is doing while it loads ("Counting passages…"), and what failed if it does. */
  readonly loading: string;
  readonly failedWhat: string;
  readonly onRetry: () => void;
  readonly className?: string;
  readonly children: (value: T) => ReactNode;
}

/**
 * The frame every analysis view shares: a region named by its title, the intro, the controls, and
 * the figure once computed (or what it is doing, or why it failed, with Retry).
 */
export function AnalysisFrame<T>({ title, intro, controls, failure, resource, loading, failedWhat, onRetry, className, children }: AnalysisFrameProps<T>) {
  const headingId = useId();
  return (
    <section className={`view analysis-view${className ? ` ${className}` : ''}`} aria-labelledby={headingId}>
      <header className="view-header">
        <h1 id={headingId} className="view-title">
          {title}
        </h1>
        <p className="view-intro">{intro}</p>
        <div className="analysis-controls">{controls}</div>
        {failure && (
          <p className="analysis-failure" role="alert">
            {failure}
          </p>
        )}
      </header>
      {resource.status === 'loading' && (
        <p className="view-empty" role="status">
          {loading}
        </p>
      )}
      {resource.status === 'failed' && <FailureNotice what={failedWhat} error={resource.error} onRetry={onRetry} />}
      {resource.status === 'ready' && children(resource.value)}
    </section>
  );
}
