import { useState } from 'react';
import type { NotebookApi } from '../../shared/api-contract';
import { downloadExport, EXPORT_LABELS, type ExportFormat } from './download-export';

/** Download buttons for every highlight of the notebook, in each export format. */
export function ExportButtons({ api }: { readonly api: NotebookApi }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async (format: ExportFormat) => {
    setBusy(true);
    setProblem(await downloadExport(api, format));
    setBusy(false);
  };
  return (
    <div className="export-buttons">
      {(Object.keys(EXPORT_LABELS) as ExportFormat[]).map((format) => (
        <button key={format} type="button" className="button" disabled={busy} onClick={() => void download(format)}>
          Download {EXPORT_LABELS[format]}
        </button>
      ))}
      {problem && (
        <p className="export-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
