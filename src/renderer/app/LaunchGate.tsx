import { useMemo, useState } from 'react';
import type { ApiInput, ApiMethod, NotebookApi } from '../../shared/api-contract';
import { App } from './App';

interface LaunchGateProps {
  readonly api: NotebookApi;
  /** True when the page was opened without the launch token the server needs (browser mode only). */
  readonly tokenMissing: boolean;
}

/**
 * Notebook, or one explanation of how to open it when the server refuses this page's calls (a
 * missing or stale launch token, a foreign address). Every part of the window would otherwise
 * report the same refusal with its own banner and a Retry that cannot succeed.
 */
export function LaunchGate({ api, tokenMissing }: LaunchGateProps) {
  const [refused, setRefused] = useState(tokenMissing);
  const guarded = useMemo<NotebookApi>(
    () => ({
      call: async <M extends ApiMethod>(method: M, input: ApiInput<M>) => {
        const result = await api.call(method, input);
        if (!result.ok && result.error.code === 'forbidden') setRefused(true);
        return result;
      },
    }),
    [api],
  );
  return refused ? <OpenFromStartCommand /> : <App api={guarded} />;
}

function OpenFromStartCommand() {
  return (
    <main className="launch-refused" aria-labelledby="launch-refused-title">
      <h1 id="launch-refused-title">Open Notebook from its start command</h1>
      <p>This page cannot reach your notebook: it was opened without the address Notebook gave when it started, or from an earlier run.</p>
      <p>
        In the Notebook folder, run <code>npm start</code>: it opens the right page for you. In browser mode (<code>npm run serve</code>), open the
        address the server prints, <code>http://127.0.0.1:…/?token=…</code>; the token changes every time Notebook starts.
      </p>
    </main>
  );
}
