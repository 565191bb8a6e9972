import { useId, useState } from 'react';
import { RELIABILITIES, RELIABILITY_LABELS, isReliability, type Reliability } from '../../core/model/grades';
import type { NotebookApi, SourceSummary } from '../../shared/api-contract';
import { Dialog } from '../controls/Dialog';

interface SourceDetailsDialogProps {
  readonly api: NotebookApi;
  readonly summary: SourceSummary;
  readonly onSaved: () => void;
  readonly onClose: () => void;
}

const FIELDS = [
  { key: 'title', label: 'Title' },
  { key: 'author', label: 'Author' },
  { key: 'publisher', label: 'Publisher' },
  { key: 'date', label: 'Date, as the source gives it' },
  { key: 'isoDate', label: 'Date for sorting (YYYY-MM-DD or YYYY-MM)' },
  { key: 'link', label: 'Link (http or https)' },
] as const;

type FieldKey = (typeof FIELDS)[number]['key'];

/** "Source details": the title, author, publisher, date and link that citations use, and the source's reliability grade, editable. */
export function SourceDetailsDialog({ api, summary, onSaved, onClose }: SourceDetailsDialogProps) {
  const formId = useId();
  const [values, setValues] = useState<Record<FieldKey, string>>(() => ({
    title: summary.title,
    author: summary.author ?? '',
    publisher: summary.publisher ?? '',
    date: summary.date ?? '',
    isoDate: summary.isoDate ?? '',
    link: summary.link ?? '',
  }));
  const [reliability, setReliability] = useState<Reliability | null>(summary.reliability ?? null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

  const save = async () => {
    setBusy(true);
    const result = await api.call('sources.updateDetails', {
      sourceId: summary.id,
      details: {
        title: values.title,
        author: orNull(values.author),
        publisher: orNull(values.publisher),
        date: orNull(values.date),
        isoDate: orNull(values.isoDate),
        link: orNull(values.link),
        reliability,
      },
    });
    setBusy(false);
    if (!result.ok) {
      setProblem([result.error.message, ...(result.error.issues ?? [])].join(' '));
      return;
    }
    onSaved();
    onClose();
  };

  return (
    <Dialog
      title="Source details"
      onCancel={onClose}
      actions={
        <>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="details-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {FIELDS.map(({ key, label }) => (
          <div className="field" key={key}>
            <label htmlFor={`${formId}-${key}`}>{label}</label>
            <input
              id={`${formId}-${key}`}
              type={key === 'link' ? 'url' : 'text'}
              required={key === 'title'}
              value={values[key]}
              onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))}
            />
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${formId}-reliability`}>Reliability</label>
          <select id={`${formId}-reliability`} value={reliability ?? ''} onChange={(event) => setReliability(isReliability(event.target.value) ? event.target.value : null)}>
            <option value="">Not graded</option>
            {RELIABILITIES.map((r) => (
              <option key={r} value={r}>
                {RELIABILITY_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        {summary.imported && (
          <p className="dialog-body details-file">
            Imported from “{summary.imported.fileName}” ({Math.max(1, Math.round(summary.imported.bytes / 1024))} KB){summary.pageCount ? `, ${summary.pageCount} pages` : ''}.
          </p>
        )}
      </form>
      {problem && (
        <p className="dialog-problem" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
