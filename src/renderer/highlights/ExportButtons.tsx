import { useState } from 'react';
import type { NotebookApi } from '../../shared/api-contract';
import { downloadExport, EXPORT_LABELS, type ExportFormat } from './download-export';
import { MenuButton } from '../controls/MenuButton';
import { BIBLIOGRAPHY_LABELS, downloadBibliography, downloadRefiQdaCodebook, downloadRefiQdaProject, type BibliographyFormat, type DownloadOutcome } from './download-exchange';

/** Download buttons for every highlight of the notebook, in each export format. */
export function ExportButtons({ api }: { readonly api: NotebookApi }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async (format: ExportFormat) => {
    setBusy(true);
    setProblem(await downloadExport(api, format));
    setBusy(false);
  };
  // Bibliographies and REFI-QDA: a project also says what it could not carry.
  const [unkept, setUnkept] = useState<readonly string[]>([]);
  const exchange = async (run: () => Promise<DownloadOutcome>) => {
    setBusy(true);
    const outcome = await run();
    setProblem('problem' in outcome ? outcome.problem : null);
    setUnkept('warnings' in outcome ? outcome.warnings : []);
    setBusy(false);
  };
  return (
    <div className="export-buttons">
      {(Object.keys(EXPORT_LABELS) as ExportFormat[]).map((format) => (
        <button key={format} type="button" className="button" disabled={busy} onClick={() => void download(format)}>
          Download {EXPORT_LABELS[format]}
        </button>
      ))}
      <button type="button" className="button" disabled={busy} onClick={() => void exchange(() => downloadRefiQdaProject(api))}>
        Download REFI-QDA project (.qdpx)
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void exchange(() => downloadRefiQdaCodebook(api))}>
        Download codebook (.qdc)
      </button>
      <MenuButton
        label="Download bibliography"
        items={(Object.keys(BIBLIOGRAPHY_LABELS) as BibliographyFormat[]).map((format) => ({
          label: BIBLIOGRAPHY_LABELS[format],
          onSelect: () => void exchange(() => downloadBibliography(api, format)),
        }))}
      />
      {unkept.length > 0 && (
        <div className="export-unkept" role="status">
          <p>The project is downloaded. REFI-QDA cannot carry everything:</p>
          <ul>
            {unkept.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      {problem && (
        <p className="export-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
