import type cytoscape from 'cytoscape';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ChartEdge } from '../../core/analysis/link-chart';
import { RELATION_PRESETS } from '../../core/analysis/relation';
import type { Tag } from '../../core/model/highlight';
import type { ApiResults, NotebookApi, PassageDetail } from '../../shared/api-contract';
import { useApiResource } from '../app/use-api-resource';
import { useRevision } from '../changes/use-changes';
import { downloadFile } from '../controls/download-file';
import { shortQuote } from '../highlights/passage-text';
import { useTagIndex } from '../tags/use-tag-index';
import { edgeSentence } from './analysis-labels';
import { AnalysisFrame } from './AnalysisFrame';
import { AnalysisPassages } from './AnalysisPassages';
import { chartSvg } from './chart-svg';
import { drawLinkChart, edgeLabel, laidOut, themeColors } from './link-chart-canvas';

type Chart = ApiResults['analysis.linkChart'];

/**
 * The groups as a network: a node per group sized by its passages, dashed edges where groups are
 * tagged in one paragraph, arrows for the relations analysts drew, each backed by passages. The
 * table under the canvas holds the same edges for keyboard and screen-reader use.
 */
export function LinkChartView({ api }: { readonly api: NotebookApi }) {
  const revision = useRevision();
  const [drawn, setDrawn] = useState(0);
  const load = useCallback(() => api.call('analysis.linkChart', {}), [api]);
  const { resource, retry } = useApiResource(load, `${revision}:${drawn}`);
  const [chosen, setChosen] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const chart = resource.status === 'ready' ? resource.value : null;

  useEffect(() => {
    const container = canvasRef.current;
    if (chart === null || container === null) return;
    const cy = drawLinkChart(container, chart, setChosen);
    cyRef.current = cy;
    return () => {
      cyRef.current = null;
      cy.destroy();
    };
  }, [chart]);

  // The edge chosen in the table is the one marked on the canvas too.
  useEffect(() => {
    const cy = cyRef.current;
    if (cy === null) return;
    cy.edges().unselect();
    if (chosen !== null) cy.getElementById(chosen).select();
  }, [chosen, chart]);

  const exportPng = () => {
    const cy = cyRef.current;
    if (cy === null || canvasRef.current === null) return;
    const content = cy.png({ output: 'base64', full: true, bg: themeColors(canvasRef.current).paper, scale: 2 });
    downloadFile({ fileName: 'link-chart.png', mediaType: 'image/png', content, encoding: 'base64' });
  };
  const exportSvg = () => {
    const cy = cyRef.current;
    if (cy === null || chart === null || canvasRef.current === null) return;
    const { nodes, edges } = laidOut(cy, chart);
    downloadFile({ fileName: 'link-chart.svg', mediaType: 'image/svg+xml', content: chartSvg(nodes, edges, themeColors(canvasRef.current)) });
  };
  const exportCsv = async () => {
    const result = await api.call('analysis.exportCsv', { kind: 'link-edges' });
    if (result.ok) downloadFile(result.value);
    setFailure(result.ok ? null : `The edges could not be exported: ${result.error.message}`);
  };
  const remove = async (edgeId: string) => {
    const result = await api.call('relations.delete', { relationId: edgeId });
    setFailure(result.ok ? null : `The relation could not be deleted: ${result.error.message}`);
    if (result.ok) {
      setChosen(null);
      setDrawn((n) => n + 1);
    }
  };

  const names = new Map(chart?.nodes.map((n) => [n.tagId, n.name]));
  const edge = chart?.edges.find((e) => e.id === chosen);
  const describe = (e: ChartEdge): string => edgeSentence(names.get(e.fromTagId) ?? e.fromTagId, names.get(e.toTagId) ?? e.toTagId, e);

  return (
    <AnalysisFrame
      title="Link chart"
      intro="Groups sized by their passages. Dashed lines join groups tagged in the same paragraph; arrows are relations drawn by analysts. Choose an edge, on the chart or in the Edges table, to read its passages."
      controls={
        <>
          <button type="button" className="button" onClick={exportPng} disabled={chart === null}>
            Export PNG
          </button>
          <button type="button" className="button" onClick={exportSvg} disabled={chart === null}>
            Export SVG
          </button>
          <button type="button" className="button" onClick={() => void exportCsv()}>
            Export CSV
          </button>
        </>
      }
      failure={failure}
      resource={resource}
      loading="Drawing the chart…"
      failedWhat="The link chart could not be drawn."
      onRetry={retry}
      className="link-chart-view"
    >
      {(chart) => (
        <>
          {chart.nodes.length === 0 && <p className="view-empty">No passage is tagged with a group yet.</p>}
          <div ref={canvasRef} className="link-chart-canvas" role="img" aria-label="The groups and their links, drawn as a network; the Edges table lists the same links." />
          <EdgesTable chart={chart} chosen={chosen} onChoose={setChosen} onDelete={(id) => void remove(id)} />
          {edge && <AnalysisPassages title={describe(edge)} highlightIds={edge.passages.map((p) => p.highlightId)} passages={chart.passages} />}
          <RelationForm api={api} chart={chart} onDrawn={() => setDrawn((n) => n + 1)} />
        </>
      )}
    </AnalysisFrame>
  );
}

interface EdgesTableProps {
  readonly chart: Chart;
  readonly chosen: string | null;
  readonly onChoose: (edgeId: string) => void;
  readonly onDelete: (edgeId: string) => void;
}

function EdgesTable({ chart, chosen, onChoose, onDelete }: EdgesTableProps) {
  const names = new Map(chart.nodes.map((n) => [n.tagId, n.name]));
  if (chart.edges.length === 0) return <p className="view-empty">No edges yet: tag two groups in one paragraph, or draw a relation below.</p>;
  return (
    <div className="analysis-table-wrap">
      <table className="analysis-table link-edges">
        <caption>Edges</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Link</th>
            <th scope="col">To</th>
            <th scope="col">Passages</th>
            <th scope="col">Grades</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {chart.edges.map((e) => {
            const from = names.get(e.fromTagId) ?? e.fromTagId;
            const to = names.get(e.toTagId) ?? e.toTagId;
            return (
              <tr key={e.id} aria-selected={chosen === e.id}>
                <td>{from}</td>
                <td>{edgeLabel(e)}</td>
                <td>{to}</td>
                <td>{e.passages.length}</td>
                <td>{e.passages.map((p) => p.mark ?? 'ungraded').join(', ')}</td>
                <td className="edge-actions">
                  <button type="button" className="link-button" aria-pressed={chosen === e.id} aria-label={`Show the passages of ${edgeSentence(from, to, e)}`} onClick={() => onChoose(e.id)}>
                    Passages
                  </button>
                  {e.kind === 'relation' && (
                    <button type="button" className="link-button link-danger" aria-label={`Delete the relation ${edgeSentence(from, to, e)}`} onClick={() => onDelete(e.id)}>
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface RelationFormProps {
  readonly api: NotebookApi;
  readonly chart: Chart;
  readonly onDrawn: () => void;
}

/** Draws a typed relation between two groups, backed by passages tagged with either of them. */
function RelationForm({ api, chart, onDrawn }: RelationFormProps) {
  const headingId = useId();
  const typesId = useId();
  const tags = useTagIndex();
  const groups: Tag[] = (tags?.set.families ?? []).filter((f) => f.kind === 'groups').flatMap((f) => tags?.tagsOf(f.id) ?? []);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [type, setType] = useState<string>(RELATION_PRESETS[0]);
  const [note, setNote] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const candidates: PassageDetail[] = Object.values(chart.passages).filter((p) => p.tagIds.some((id) => id === from || id === to));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const highlightIds = candidates.filter((p) => picked.has(p.highlightId)).map((p) => p.highlightId);
    if (from === '' || to === '' || highlightIds.length === 0) {
      setProblem('Choose both groups and at least one passage backing the relation.');
      return;
    }
    const result = await api.call('relations.create', { fromTagId: from, toTagId: to, type, highlightIds, note });
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    setProblem(null);
    setPicked(new Set());
    setNote('');
    onDrawn();
  };
  const toggle = (id: string) =>
    setPicked((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <form className="relation-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)}>
      <h2 id={headingId}>Draw a relation</h2>
      <div className="relation-fields">
        <GroupSelect label="From" groups={groups} value={from} onChange={setFrom} />
        <label>
          Relation{' '}
          <input list={typesId} value={type} onChange={(e) => setType(e.target.value)} required maxLength={120} />
          <datalist id={typesId}>
            {RELATION_PRESETS.map((preset) => (
              <option key={preset} value={preset} />
            ))}
          </datalist>
        </label>
        <GroupSelect label="To" groups={groups} value={to} onChange={setTo} />
        <label>
          Note <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={5_000} />
        </label>
      </div>
      <fieldset className="relation-passages">
        <legend>Backed by</legend>
        {candidates.length === 0 ? (
          <p className="view-empty">{from === '' && to === '' ? 'Choose the groups to see their passages.' : 'No passage is tagged with these groups.'}</p>
        ) : (
          <ul>
            {candidates.map((p) => (
              <li key={p.highlightId}>
                <label>
                  <input type="checkbox" checked={picked.has(p.highlightId)} onChange={() => toggle(p.highlightId)} /> “{shortQuote(p.quote, 90)}” <span className="analysis-passage-source">
                    {p.sourceTitle}
                    {p.mark && ` · ${p.mark}`}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {problem && (
        <p className="analysis-failure" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="button">
        Draw relation
      </button>
    </form>
  );
}

interface GroupSelectProps {
  readonly label: string;
  readonly groups: readonly { readonly id: string; readonly name: string }[];
  readonly value: string;
  readonly onChange: (groupId: string) => void;
}

/** One end of a relation: a group tag, chosen by name. */
function GroupSelect({ label, groups, value, onChange }: GroupSelectProps) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)} required>
        <option value="">Choose a group</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
    </label>
  );
}
