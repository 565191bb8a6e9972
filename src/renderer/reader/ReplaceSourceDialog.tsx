import { useId, useState } from 'react';
import type { AnchoredHighlight, ReplaceReport, SourceSummary } from '../../shared/api-contract';
import { useChanges } from '../changes/use-changes';
import { Dialog } from '../controls/Dialog';
import { highlightChanges } from '../highlights/highlight-changes';
import { passageText } from '../highlights/passage-text';

interface ReplaceSourceDialogProps {
  readonly summary: SourceSummary;
  /** The source's text was replaced: reload it. */
  readonly onReplaced: () => void;
  /** The person wants to select a highlight's passage again in the reader. */
  readonly onReplace: (anchored: AnchoredHighlight) => void;
  readonly onClose: () => void;
  /** Read the source's original file again with the newer converter, rather than take a new text. */
  readonly reextract?: boolean;
}

/**
 * "Replace with new version": the new text from a file or pasted. The notebook keeps the old
 * text and finds the source's highlights again in the new one; the dialog then reports how they
 * fared, and each that needs a decision can be confirmed where it was found or placed again.
 */
export function ReplaceSourceDialog({ summary, onReplaced, onReplace, onClose, reextract = false }: ReplaceSourceDialogProps) {
  const tracker = useChanges();
  const fileId = useId();
  const textId = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ReplaceReport | null>(null);
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      setText(await file.text());
      setProblem(null);
    } catch (error) {
      setProblem(`“${file.name}” could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const replace = async () => {
    if (reextract) {
      setBusy(true);
      const result = await tracker.save(`“${summary.title}” could not be extracted again.`, 'sources.reextract', { sourceId: summary.id });
      setBusy(false);
      if (!result) return;
      setReport(result);
      onReplaced();
      return;
    }
    if (text.trim() === '') {
      setProblem('Choose a file or paste the new text first.');
      return;
    }
    setBusy(true);
    const result = await tracker.save(`The new version of “${summary.title}” could not be put in place.`, 'sources.replace', { sourceId: summary.id, text });
    setBusy(false);
    if (!result) return;
    setReport(result);
    onReplaced();
  };

  const confirm = async (anchored: AnchoredHighlight) => {
    if (anchored.start === null || anchored.end === null) return;
    if (await highlightChanges(tracker).place(anchored.highlight.id, { start: anchored.start, end: anchored.end })) {
      setConfirmed((done) => new Set(done).add(anchored.highlight.id));
    }
  };

  return (
    <Dialog
      title={reextract ? `Extract “${summary.title}” again` : `Replace “${summary.title}” with a new version`}
      wide
      onCancel={onClose}
      actions={
        !report ? (
          <>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void replace()}>
              {busy ? (reextract ? 'Extracting…' : 'Replacing…') : reextract ? 'Extract again' : 'Replace'}
            </button>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        )
      }
    >
      {!report && reextract ? (
        <>
          <p className="dialog-body">
            Notebook now reads {summary.imported ? `“${summary.imported.fileName}”` : 'this file'} better than when it was added. Its original is read again; the current text is
            kept, and the highlights of this source are found again in the new text, and you can check the ones that moved.
          </p>
          {problem && (
            <p className="dialog-problem" role="alert">
              {problem}
            </p>
          )}
        </>
      ) : !report ? (
        <>
          <p className="dialog-body">The current text is kept. The highlights of this source are found again in the new text, and you can check the ones that moved.</p>
          <div className="field">
            <label htmlFor={fileId}>A text file</label>
            <input id={fileId} type="file" accept=".txt,.md,text/plain,text/markdown" onChange={(event) => void readFile(event.target.files?.[0])} />
          </div>
          <div className="field">
            <label htmlFor={textId}>Or paste the new text</label>
            <textarea id={textId} className="replace-text" rows={10} value={text} onChange={(event) => setText(event.target.value)} />
          </div>
          {problem && (
            <p className="dialog-problem" role="alert">
              {problem}
            </p>
          )}
        </>
      ) : (
        <>
          <div role="status">
            <p className="dialog-body">
              {report.total === 1 ? '1 highlight was' : `${report.total} highlights were`} found again in the new version:
            </p>
            <dl className="replace-counts">
              <dt>Exactly</dt>
              <dd>{report.exact}</dd>
              <dt>Fuzzily</dt>
              <dd>{report.fuzzy}</dd>
              <dt>Need review</dt>
              <dd>{report.review}</dd>
              <dt>Orphaned</dt>
              <dd>{report.orphan}</dd>
            </dl>
          </div>
          {report.problems.length > 0 && (
            <ul className="replace-problems" aria-label="Highlights to check">
              {report.problems.map((anchored) => (
                <li key={anchored.highlight.id}>
                  <blockquote className="card-quote">{passageText(anchored, null)}</blockquote>
                  <p className="card-status">{anchored.status === 'review' ? 'Needs review: found a likely place.' : 'Orphaned: not found in the new text.'}</p>
                  <div className="problem-actions">
                    {confirmed.has(anchored.highlight.id) ? (
                      <span className="problem-done">Confirmed</span>
                    ) : (
                      <>
                        {anchored.status === 'review' && (
                          <button type="button" className="button button-primary" onClick={() => void confirm(anchored)}>
                            Confirm
                          </button>
                        )}
                        <button type="button" className="button" onClick={() => onReplace(anchored)}>
                          Re-place
                        </button>
                      </>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Dialog>
  );
}
