import { useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type DragEvent, type KeyboardEvent } from 'react';
import { scoreBoard, type AchRanking, type EvidenceGrades } from '../../core/analysis/ach';
import {
  addEvidence,
  addHypothesis,
  editHypothesis,
  removeEvidence,
  removeHypothesis,
  setCellNote,
  setEvidenceNote,
  setRating,
  type AchContent,
} from '../../core/analysis/ach-board';
import { formatScore } from '../../core/analysis/ach-export';
import { ACH_RATING_LABELS, cellKey, evidenceLabel, type AchBoard } from '../../core/model/ach';
import { CREDIBILITIES, type Credibility } from '../../core/model/grades';
import type { AchBoardId, HighlightId } from '../../core/model/ids';
import type { AchBoardView, AchEvidencePassage, CitationState, NotebookApi } from '../../shared/api-contract';
import { hashFor, hashForSource } from '../app/location-hash';
import { HIGHLIGHT_DRAG_TYPE } from '../app/passage-actions';
import { useApiResource } from '../app/use-api-resource';
import { FailureNotice } from '../app/FailureNotice';
import { downloadFile } from '../controls/download-file';
import { Autosaver } from '../memos/autosaver';
import { SaveStatusLine } from '../memos/SaveStatusLine';
import { AchEvidencePicker } from './AchEvidencePicker';
import { cellKeyAction, clampCell, type CellPosition } from './ach-keys';

/**
 * Analysis of Competing Hypotheses: with no board, the list of boards; with one, its matrix of
 * evidence against hypotheses, rated from the keyboard, scored as it changes and saved as it goes.
 */
export function AchView({ api, boardId }: { readonly api: NotebookApi; readonly boardId: AchBoardId | null }) {
  // The open board lives in the window's location, so a reload or Back returns to it.
  const show = (id: AchBoardId | null) => void (window.location.hash = hashFor({ view: 'ach', boardId: id }));
  return boardId === null ? <AchBoardList api={api} onOpen={show} /> : <AchBoardLoader key={boardId} api={api} boardId={boardId} onClose={() => show(null)} />;
}

const questionOf = (question: string): string => (question.trim() === '' ? 'Untitled question' : question);

function AchBoardList({ api, onOpen }: { readonly api: NotebookApi; readonly onOpen: (id: AchBoardId) => void }) {
  const { resource, retry } = useApiResource(useCallback(() => api.call('ach.list', {}), [api]));
  const [problem, setProblem] = useState<string | null>(null);
  const create = async () => {
    const made = await api.call('ach.create', { hypotheses: ['', ''] });
    if (!made.ok) return setProblem(`The board could not be made: ${made.error.message}`);
    onOpen(made.value.board.id);
  };
  return (
    <section className="view ach-view" aria-labelledby="ach-list-title">
      <header className="view-header">
        <h2 id="ach-list-title" className="view-title">
          Competing hypotheses
        </h2>
        <button type="button" className="button" onClick={() => void create()}>
          New board
        </button>
      </header>
      <p className="view-intro">Weigh each passage against every hypothesis; the hypothesis with the least evidence against it comes first.</p>
      {problem !== null && <p role="alert">{problem}</p>}
      {resource.status === 'loading' && <p role="status">Loading boards…</p>}
      {resource.status === 'failed' && <FailureNotice what="The boards could not be loaded." error={resource.error} onRetry={retry} />}
      {resource.status === 'ready' &&
        (resource.value.length === 0 ? (
          <p className="view-empty">No boards yet. Start one with “New board”.</p>
        ) : (
          <ul className="ach-list" aria-label="Boards">
            {resource.value.map((board) => (
              <li key={board.id}>
                <button type="button" className="ach-list-entry" onClick={() => onOpen(board.id)}>
                  <span className="ach-list-question">{questionOf(board.question)}</span>
                  <span className="ach-list-facts">
                    {board.hypotheses} {board.hypotheses === 1 ? 'hypothesis' : 'hypotheses'}, {board.evidence} {board.evidence === 1 ? 'piece' : 'pieces'} of evidence · changed{' '}
                    {new Date(board.modified).toLocaleString()}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

function AchBoardLoader({ api, boardId, onClose }: { readonly api: NotebookApi; readonly boardId: AchBoardId; readonly onClose: () => void }) {
  const { resource, retry } = useApiResource(useCallback(() => api.call('ach.get', { boardId }), [api, boardId]));
  if (resource.status === 'loading') return <p role="status">Loading the board…</p>;
  if (resource.status === 'failed')
    return (
      <section className="view ach-view" aria-label="Competing hypotheses">
        <FailureNotice what="The board could not be opened." error={resource.error} onRetry={retry} />
        <button type="button" className="button" onClick={onClose}>
          All boards
        </button>
      </section>
    );
  return <AchBoardEditor api={api} initial={resource.value} onClose={onClose} />;
}

const contentOf = ({ question, hypotheses, evidence, ratings }: AchBoard): AchContent => ({ question, hypotheses, evidence, ratings });

const STATE_NOTES: Readonly<Record<CitationState, string | null>> = {
  live: null,
  review: 'needs review',
  orphan: 'no longer found in its source',
  deleted: 'highlight deleted',
  'source-removed': 'source removed',
};

/** Sensitivity thresholds offered: all evidence, or credibility 1–2 up to 1–5. */
const THRESHOLDS = CREDIBILITIES.filter((c) => c >= 2 && c <= 5);

function AchBoardEditor({ api, initial, onClose }: { readonly api: NotebookApi; readonly initial: AchBoardView; readonly onClose: () => void }) {
  const { id, created, modified } = initial.board;
  const [content, setContent] = useState<AchContent>(() => contentOf(initial.board));
  const [passages, setPassages] = useState<ReadonlyMap<string, AchEvidencePassage>>(() => new Map(initial.evidence.map((e) => [e.evidenceId, e])));
  const [threshold, setThreshold] = useState<Credibility | null>(null);
  const [active, setActive] = useState<CellPosition>({ row: 0, column: 0 });
  const [picking, setPicking] = useState(false);
  const [notice, setNotice] = useState<{ readonly text: string; readonly alert: boolean } | null>(null);
  const grid = useRef<HTMLTableElement>(null);
  const questionId = useId();

  const autosaver = useMemo(
    () =>
      new Autosaver<AchContent>(async (c) => {
        const saved = await api.call('ach.save', { boardId: id, question: c.question, hypotheses: [...c.hypotheses], evidence: [...c.evidence], ratings: { ...c.ratings } });
        if (!saved.ok) return saved.error.message;
        // The rows just added come back with their passages and grades.
        setPassages(new Map(saved.value.evidence.map((e) => [e.evidenceId, e])));
        return null;
      }),
    [api, id],
  );
  const status = useSyncExternalStore(autosaver.subscribe, autosaver.status);
  useEffect(() => () => void autosaver.flush(), [autosaver]);

  const change = (next: AchContent) => {
    setContent(next);
    autosaver.change(next);
  };

  const grades = useMemo(() => {
    const byHighlight = new Map<HighlightId, EvidenceGrades>();
    for (const row of content.evidence) {
      const passage = passages.get(row.id);
      if (passage !== undefined) byHighlight.set(row.highlightId, { reliability: passage.reliability, credibility: passage.credibility });
    }
    return byHighlight;
  }, [content.evidence, passages]);
  const scores = useMemo(
    () => scoreBoard({ id, created, modified, ...content }, grades, threshold === null ? {} : { maxCredibility: threshold }),
    [id, created, modified, content, grades, threshold],
  );

  const rows = content.evidence.length;
  const columns = content.hypotheses.length;
  const tabStop = clampCell(active, rows, columns);
  const hypothesisOf = new Map(content.hypotheses.map((h) => [h.id, h]));

  const focusCell = (to: CellPosition) => {
    setActive(to);
    grid.current?.querySelector<HTMLButtonElement>(`[data-cell="${to.row}:${to.column}"]`)?.focus();
  };

  const onCellKey = (event: KeyboardEvent<HTMLButtonElement>, at: CellPosition, evidenceId: string, hypothesisId: string) => {
    if (event.altKey || event.metaKey) return;
    const action = cellKeyAction(event.key, event.ctrlKey, at, rows, columns);
    if (action === null) return;
    event.preventDefault();
    if (action.kind === 'move') focusCell(action.to);
    else change(setRating(content, evidenceId, hypothesisId, action.kind === 'rate' ? action.rating : null));
  };

  const add = (highlightIds: readonly HighlightId[], what: string) => {
    const next = addEvidence(content, highlightIds);
    const added = next.evidence.length - content.evidence.length;
    if (added > 0) change(next);
    setNotice({ text: added === 0 ? `Nothing added: ${what} ${highlightIds.length === 1 ? 'is' : 'are'} on the board already.` : `Added ${added} of ${what} as evidence.`, alert: false });
  };

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(HIGHLIGHT_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    const highlightId = event.dataTransfer.getData(HIGHLIGHT_DRAG_TYPE);
    if (highlightId === '') return;
    event.preventDefault();
    add([highlightId as HighlightId], 'the dropped passage');
  };

  /** Saves what is pending first, so what leaves the board is what it shows. */
  const saved = async (what: string): Promise<boolean> => {
    await autosaver.flush();
    const now = autosaver.status();
    if (now.kind === 'failed') setNotice({ text: `The board must be saved before it is ${what}: ${now.reason}`, alert: true });
    return now.kind !== 'failed';
  };
  const exportCsv = async () => {
    if (!(await saved('exported'))) return;
    const file = await api.call('ach.exportCsv', { boardId: id });
    if (!file.ok) return setNotice({ text: `The board could not be exported: ${file.error.message}`, alert: true });
    downloadFile(file.value);
    setNotice({ text: `Exported as ${file.value.fileName}.`, alert: false });
  };
  const toMemo = async () => {
    if (!(await saved('added to a memo'))) return;
    const memo = await api.call('ach.toMemo', { boardId: id });
    if (!memo.ok) return setNotice({ text: `The memo could not be made: ${memo.error.message}`, alert: true });
    setNotice({ text: `Created the memo “${memo.value.title}”; find it under Memos.`, alert: false });
  };
  const remove = async () => {
    await autosaver.flush();
    const deleted = await api.call('ach.delete', { boardId: id });
    if (!deleted.ok) return setNotice({ text: `The board could not be deleted: ${deleted.error.message}`, alert: true });
    onClose();
  };

  const activeRow = content.evidence[tabStop.row];
  const activeHypothesis = content.hypotheses[tabStop.column];
  const activeCell = activeRow && activeHypothesis ? content.ratings[cellKey(activeRow.id, activeHypothesis.id)] : undefined;

  return (
    <section className="view ach-view" aria-label="Competing hypotheses" onDragOver={onDragOver} onDrop={onDrop}>
      <header className="view-header ach-header">
        <button type="button" className="button" onClick={() => void autosaver.flush().then(onClose)}>
          All boards
        </button>
        <label className="ach-question" htmlFor={questionId}>
          Question
        </label>
        <input
          id={questionId}
          className="ach-question-input"
          value={content.question}
          maxLength={2000}
          placeholder="What is to be explained or decided?"
          onChange={(e) => change({ ...content, question: e.target.value })}
          onBlur={() => void autosaver.flush()}
        />
        <SaveStatusLine status={status} onRetry={() => void autosaver.retry()} />
      </header>

      <div className="ach-toolbar" role="toolbar" aria-label="Board">
        <button type="button" className="button" onClick={() => change(addHypothesis(content, ''))}>
          Add hypothesis
        </button>
        <button type="button" className="button" aria-expanded={picking} onClick={() => setPicking(!picking)}>
          Add evidence
        </button>
        <label>
          Sensitivity{' '}
          <select value={threshold ?? ''} onChange={(e) => setThreshold(e.target.value === '' ? null : (Number(e.target.value) as Credibility))}>
            <option value="">All evidence</option>
            {THRESHOLDS.map((c) => (
              <option key={c} value={c}>
                {c === 2 ? 'Credibility 1–2' : `1–${c}`}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={() => void exportCsv()}>
          Export CSV
        </button>
        <button type="button" className="button" onClick={() => void toMemo()}>
          Add to memo
        </button>
        <button type="button" className="button button-danger" onClick={() => void remove()}>
          Delete board
        </button>
      </div>
      {notice !== null && (
        <p className={notice.alert ? 'ach-notice ach-notice-alert' : 'ach-notice'} role={notice.alert ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      {picking && <AchEvidencePicker api={api} present={new Set(content.evidence.map((e) => e.highlightId))} onAdd={add} onClose={() => setPicking(false)} />}

      <div className="ach-matrix-scroll">
        <table className="ach-matrix" ref={grid}>
          <caption>Evidence against hypotheses: keys 1–5 rate a cell CC, C, N, I, II; 0 clears it; arrow keys move. Drop a highlight card here to add it.</caption>
          <thead>
            <tr>
              <th scope="col">Evidence</th>
              {content.hypotheses.map((h) => (
                <th scope="col" key={h.id} className="ach-hypothesis">
                  <span className="ach-label">{h.label}</span>
                  <textarea aria-label={`Text of ${h.label}`} value={h.text} rows={2} maxLength={2000} placeholder="Hypothesis" onChange={(e) => change(editHypothesis(content, h.id, e.target.value))} />
                  <button type="button" className="link-button" onClick={() => change(removeHypothesis(content, h.id))}>
                    Remove {h.label}
                  </button>
                </th>
              ))}
              <th scope="col">Diagnosticity</th>
            </tr>
          </thead>
          <tbody>
            {content.evidence.length === 0 && (
              <tr>
                <td colSpan={columns + 2}>No evidence yet: “Add evidence”, or drop a highlight card here.</td>
              </tr>
            )}
            {content.evidence.map((row, r) => {
              const label = evidenceLabel(r);
              const score = scores.rows[r];
              return (
                <tr key={row.id} className={score?.included === false ? 'ach-row ach-row-hidden' : 'ach-row'}>
                  <th scope="row" className="ach-evidence">
                    <EvidenceHeading label={label} passage={passages.get(row.id)} />
                    <input aria-label={`Note on ${label}`} value={row.note ?? ''} maxLength={5000} placeholder="Note" onChange={(e) => change(setEvidenceNote(content, row.id, e.target.value))} />
                    <button type="button" className="link-button" onClick={() => change(removeEvidence(content, row.id))}>
                      Remove {label}
                    </button>
                  </th>
                  {content.hypotheses.map((h, c) => {
                    const cell = content.ratings[cellKey(row.id, h.id)];
                    const rating = cell?.rating ?? 'not rated';
                    return (
                      <td key={h.id} className="ach-cell" data-rating={cell?.rating ?? ''}>
                        <button
                          type="button"
                          data-cell={`${r}:${c}`}
                          tabIndex={tabStop.row === r && tabStop.column === c ? 0 : -1}
                          aria-label={`Rating of ${label} for ${h.label}: ${rating}${cell?.note ? ` (${cell.note})` : ''}`}
                          title={cell ? ACH_RATING_LABELS[cell.rating] : 'Not rated: press 1–5'}
                          onFocus={() => setActive({ row: r, column: c })}
                          onKeyDown={(e) => onCellKey(e, { row: r, column: c }, row.id, h.id)}
                        >
                          {cell?.rating ?? '·'}
                          {cell?.note && <span aria-hidden="true">*</span>}
                        </button>
                      </td>
                    );
                  })}
                  <td className="ach-number">{score?.diagnosticity ?? 0}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Inconsistency</th>
              {scores.all.hypotheses.map((s) => (
                <td key={s.hypothesisId} className="ach-number">
                  {formatScore(s.inconsistency)}
                </td>
              ))}
              <td />
            </tr>
            <tr>
              <th scope="row">Rank</th>
              {scores.all.hypotheses.map((s) => (
                <td key={s.hypothesisId} className="ach-number">
                  {s.rank}
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </div>

      {activeRow && activeHypothesis && (
        <label className="ach-cell-note">
          Note on {evidenceLabel(tabStop.row)} for {activeHypothesis.label}{' '}
          <input
            value={activeCell?.note ?? ''}
            disabled={activeCell === undefined}
            maxLength={5000}
            placeholder={activeCell === undefined ? 'Rate the cell first' : 'Why this rating'}
            onChange={(e) => change(setCellNote(content, activeRow.id, activeHypothesis.id, e.target.value))}
          />
        </label>
      )}

      <div className="ach-rankings">
        <Ranking title="Ranking, all evidence" ranking={scores.all} hypotheses={hypothesisOf} />
        {scores.sensitive !== null && threshold !== null && <Ranking title={`Ranking, credibility 1–${threshold} only`} ranking={scores.sensitive} hypotheses={hypothesisOf} />}
      </div>
      {scores.sensitive !== null && (
        <p className="ach-sensitivity" role="status">
          {scores.rankingChanged
            ? `The ranking changes when the ${scores.all.rows - scores.sensitive.rows} less credible or ungraded passages are left out: the conclusion rests on them.`
            : `The ranking holds without the ${scores.all.rows - scores.sensitive.rows} less credible or ungraded passages.`}
        </p>
      )}
    </section>
  );
}

function EvidenceHeading({ label, passage }: { readonly label: string; readonly passage: AchEvidencePassage | undefined }) {
  if (passage === undefined) return <span className="ach-label">{label}</span>;
  const { citation, quote } = passage;
  const at = citation.start !== null && citation.end !== null ? { start: citation.start, end: citation.end } : null;
  const state = STATE_NOTES[citation.state];
  return (
    <>
      <span className="ach-label">{label}</span>
      {citation.sourceId !== null && citation.state !== 'source-removed' ? (
        <a className="ach-quote" href={hashForSource(citation.sourceId, at)} title="Open the source at this passage">
          {quote ?? '(no text)'}
        </a>
      ) : (
        <span className="ach-quote">{quote ?? '(the highlight was deleted)'}</span>
      )}
      <span className="ach-facts">
        {citation.sourceTitle ?? ''}
        {citation.location !== null && `, ${citation.location}`}
        {citation.grade !== null && <span className="ach-grade"> {citation.grade}</span>}
        {state !== null && <span className="ach-state"> ({state})</span>}
      </span>
    </>
  );
}

function Ranking({ title, ranking, hypotheses }: { readonly title: string; readonly ranking: AchRanking; readonly hypotheses: ReadonlyMap<string, AchContent['hypotheses'][number]> }) {
  const scoreOf = new Map(ranking.hypotheses.map((s) => [s.hypothesisId, s]));
  return (
    <section className="ach-ranking" aria-label={title}>
      <h3>{title}</h3>
      <ol>
        {ranking.order.map((hid) => {
          const h = hypotheses.get(hid);
          const s = scoreOf.get(hid);
          if (h === undefined || s === undefined) return null;
          return (
            <li key={hid}>
              <span className="ach-label">{h.label}</span> {h.text.trim() === '' ? '(no text yet)' : h.text} — rank {s.rank}, inconsistency {formatScore(s.inconsistency)}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
