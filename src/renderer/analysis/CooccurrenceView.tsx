import { useCallback, useId, useState } from 'react';
import type { CooccurrenceScope } from '../../core/analysis/cooccurrence';
import type { ApiResults, NotebookApi } from '../../shared/api-contract';
import { useApiResource } from '../app/use-api-resource';
import { useRevision } from '../changes/use-changes';
import { downloadFile } from '../controls/download-file';
import { useTagIndex } from '../tags/use-tag-index';
import { coefficientText, cooccurrenceCellLabel } from './analysis-labels';
import { AnalysisFrame } from './AnalysisFrame';
import { AnalysisPassages } from './AnalysisPassages';

const SCOPES: readonly { readonly scope: CooccurrenceScope; readonly label: string }[] = [
  { scope: 'highlight', label: 'Same highlight' },
  { scope: 'overlap', label: 'Overlapping highlights' },
  { scope: 'paragraph', label: 'Same paragraph' },
];

/**
 * How often the tags of a family (the groups, unless another is chosen) meet: in one highlight, in
 * overlapping highlights or in one paragraph, with the c-coefficient; a cell opens its passages.
 */
export function CooccurrenceView({ api }: { readonly api: NotebookApi }) {
  const scopeGroup = useId();
  const tags = useTagIndex();
  const revision = useRevision();
  const families = tags?.set.families ?? [];
  const [familyId, setFamilyId] = useState<string | null>(null);
  const [scope, setScope] = useState<CooccurrenceScope>('paragraph');
  const [chosen, setChosen] = useState<{ row: number; column: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const family = familyId ?? families.find((f) => f.kind === 'groups')?.id ?? families[0]?.id ?? null;
  const options = { ...(family === null ? {} : { familyId: family }), scope };

  const load = useCallback(() => api.call('analysis.cooccurrence', family === null ? { scope } : { familyId: family, scope }), [api, family, scope]);
  const { resource, retry } = useApiResource(load, revision);

  const exportCsv = async () => {
    const result = await api.call('analysis.exportCsv', { kind: 'cooccurrence', ...options });
    if (result.ok) downloadFile(result.value);
    setFailure(result.ok ? null : `The co-occurrence could not be exported: ${result.error.message}`);
  };

  return (
    <AnalysisFrame
      title="Co-occurrence"
      intro="How often two tags meet, and the c-coefficient: together ÷ (either alone + the other alone − together), from 0 (never together) to 1 (always). Choose a cell to read its passages."
      controls={
        <>
          <label>
            Tags of{' '}
            <select value={family ?? ''} onChange={(e) => { setFamilyId(e.target.value); setChosen(null); }}>
              {families.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="analysis-scope">
            <legend>Meeting in</legend>
            {SCOPES.map((s) => (
              <label key={s.scope}>
                <input type="radio" name={`${scopeGroup}-scope`} value={s.scope} checked={scope === s.scope} onChange={() => { setScope(s.scope); setChosen(null); }} /> {s.label}
              </label>
            ))}
          </fieldset>
          <button type="button" className="button" onClick={() => void exportCsv()}>
            Export CSV
          </button>
        </>
      }
      failure={failure}
      resource={resource}
      loading="Counting…"
      failedWhat="The co-occurrence could not be counted."
      onRetry={retry}
    >
      {(matrix) => <CooccurrenceTable matrix={matrix} chosen={chosen} onChoose={setChosen} />}
    </AnalysisFrame>
  );
}

interface CooccurrenceTableProps {
  readonly matrix: ApiResults['analysis.cooccurrence'];
  readonly chosen: { row: number; column: number } | null;
  readonly onChoose: (cell: { row: number; column: number }) => void;
}

function CooccurrenceTable({ matrix, chosen, onChoose }: CooccurrenceTableProps) {
  if (matrix.tags.length === 0) return <p className="view-empty">The family chosen has no tags.</p>;
  const a = chosen === null ? undefined : matrix.tags[chosen.row];
  const b = chosen === null ? undefined : matrix.tags[chosen.column];
  const cell = chosen === null ? undefined : matrix.cells[chosen.row]?.[chosen.column];
  return (
    <>
      <div className="analysis-table-wrap">
        <table className="analysis-table cooccurrence-matrix">
          <caption>Places where both tags occur, and the c-coefficient</caption>
          <thead>
            <tr>
              <td />
              {matrix.tags.map((t) => (
                <th key={t.id} scope="col">
                  {t.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.tags.map((row, i) => (
              <tr key={row.id}>
                <th scope="row">{row.name}</th>
                {matrix.tags.map((column, j) => {
                  const here = matrix.cells[i]?.[j];
                  if (here === undefined) return <td key={column.id} />;
                  return (
                    <td key={column.id} data-diagonal={i === j || undefined}>
                      <button
                        type="button"
                        className="matrix-cell"
                        aria-pressed={chosen?.row === i && chosen.column === j}
                        disabled={here.count === 0}
                        onClick={() => onChoose({ row: i, column: j })}
                      >
                        {/* Named by the sentence, shown as the figures: no aria-label, which would have to contain them. */}
                        <span className="visually-hidden">{cooccurrenceCellLabel(row.name, column.name, here)}</span>
                        <span className="cell-count" aria-hidden="true">
                          {here.count}
                        </span>
                        {i !== j && (
                          <span className="cell-coefficient" aria-hidden="true">
                            {coefficientText(here.coefficient)}
                          </span>
                        )}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {a && b && cell && <AnalysisPassages title={a.id === b.id ? a.name : `${a.name} with ${b.name}`} highlightIds={cell.highlightIds} passages={matrix.passages} />}
    </>
  );
}
