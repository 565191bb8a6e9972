import { useCallback, useState } from 'react';
import type { ApiInput, ApiResults, NotebookApi } from '../../shared/api-contract';
import { hashFor } from '../app/location-hash';
import { useApiResource } from '../app/use-api-resource';
import { useRevision } from '../changes/use-changes';
import { downloadFile } from '../controls/download-file';
import { useTagIndex } from '../tags/use-tag-index';
import { evidenceCellLabel, evidenceCellText } from './analysis-labels';
import { AnalysisFrame } from './AnalysisFrame';
import { AnalysisPassages } from './AnalysisPassages';

type Options = Pick<ApiInput<'analysis.evidenceMatrix'>, 'rowFamilyId' | 'columns'>;

/** "sources", or the id of the family whose tags are the columns. */
const SOURCES = 'sources';

/**
 * Rows of tags (the recommendations, or another family) against the sources or another family's
 * tags: each cell counts the passages supporting, contradicting or giving context, shaded by their
 * grade-weighted total; choosing a cell lists its passages.
 */
export function EvidenceMatrixView({ api }: { readonly api: NotebookApi }) {
  const tags = useTagIndex();
  const revision = useRevision();
  const families = tags?.set.families ?? [];
  const [rowFamilyId, setRowFamilyId] = useState<string | null>(null);
  const [columnChoice, setColumnChoice] = useState<string>(SOURCES);
  const [chosen, setChosen] = useState<{ row: number; column: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const rowFamily = rowFamilyId ?? families.find((f) => f.kind === 'recommendations')?.id ?? families[0]?.id ?? null;
  const options: Options = { ...(rowFamily === null ? {} : { rowFamilyId: rowFamily }), columns: columnChoice === SOURCES ? 'sources' : { familyId: columnChoice } };
  const optionsKey = JSON.stringify(options);

  const load = useCallback(() => api.call('analysis.evidenceMatrix', JSON.parse(optionsKey) as Options), [api, optionsKey]);
  const { resource, retry } = useApiResource(load, revision);

  const exportCsv = async () => {
    const result = await api.call('analysis.exportCsv', { kind: 'evidence-matrix', ...options });
    if (result.ok) downloadFile(result.value);
    setFailure(result.ok ? null : `The matrix could not be exported: ${result.error.message}`);
  };
  const addToMemo = async () => {
    const result = await api.call('analysis.matrixToMemo', options);
    if (result.ok) window.location.hash = hashFor({ view: 'memo', memoId: result.value.id });
    setFailure(result.ok ? null : `The memo could not be made: ${result.error.message}`);
  };

  return (
    <AnalysisFrame
      title="Evidence matrix"
      intro="Each cell counts the passages supporting / contradicting / giving context, shaded by their weight (source reliability × passage credibility). A passage tagged without a stance counts as context. Choose a cell to read its passages."
      controls={
        <>
          <label>
            Rows{' '}
            <select value={rowFamily ?? ''} onChange={(e) => { setRowFamilyId(e.target.value); setChosen(null); }}>
              {families.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Columns{' '}
            <select value={columnChoice} onChange={(e) => { setColumnChoice(e.target.value); setChosen(null); }}>
              <option value={SOURCES}>Sources</option>
              {families.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" onClick={() => void exportCsv()}>
            Export CSV
          </button>
          <button type="button" className="button" onClick={() => void addToMemo()}>
            Add to memo
          </button>
        </>
      }
      failure={failure}
      resource={resource}
      loading="Counting passages…"
      failedWhat="The evidence matrix could not be made."
      onRetry={retry}
    >
      {(matrix) => <MatrixTable matrix={matrix} chosen={chosen} onChoose={setChosen} />}
    </AnalysisFrame>
  );
}

interface MatrixTableProps {
  readonly matrix: ApiResults['analysis.evidenceMatrix'];
  readonly chosen: { row: number; column: number } | null;
  readonly onChoose: (cell: { row: number; column: number }) => void;
}

function MatrixTable({ matrix, chosen, onChoose }: MatrixTableProps) {
  const row = chosen === null ? undefined : matrix.rows[chosen.row];
  const column = chosen === null ? undefined : matrix.columns[chosen.column];
  const cell = chosen === null ? undefined : matrix.cells[chosen.row]?.[chosen.column];
  if (matrix.rows.length === 0 || matrix.columns.length === 0) return <p className="view-empty">The family chosen has no tags, or the library has no sources.</p>;
  return (
    <>
      <div className="analysis-table-wrap">
        <table className="analysis-table evidence-matrix">
          <caption>Supporting / contradicting / context passages</caption>
          <thead>
            <tr>
              <td />
              {matrix.columns.map((c) => (
                <th key={c.id} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((r, i) => (
              <tr key={r.id}>
                <th scope="row">{r.label}</th>
                {matrix.columns.map((c, j) => {
                  const here = matrix.cells[i]?.[j];
                  if (here === undefined) return <td key={c.id} />;
                  return (
                    <td key={c.id} data-shade={here.shade}>
                      <button
                        type="button"
                        className="matrix-cell"
                        aria-pressed={chosen?.row === i && chosen.column === j}
                        onClick={() => onChoose({ row: i, column: j })}
                      >
                        {/* Named by the sentence, shown as the figures: no aria-label, which would have to contain them. */}
                        <span className="visually-hidden">{evidenceCellLabel(r.label, c.label, here)}</span>
                        <span aria-hidden="true">{evidenceCellText(here)}</span>
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {row && column && cell && <AnalysisPassages title={`${row.label} in ${column.label}`} highlightIds={cell.highlightIds} passages={matrix.passages} />}
    </>
  );
}
