import { ConfirmDialog } from '../controls/ConfirmDialog';
import type { TaggedHighlights } from './tag-set-changes';

interface DeleteTagDialogProps {
  /** What is deleted, e.g. "the tag “TTP”" or "the family “Groups” and its 19 tags". */
  readonly what: string;
  /** How many highlights carry the tag (or a tag of the family). */
  readonly tagged: number;
  readonly onDelete: (highlights: TaggedHighlights) => void;
  readonly onCancel: () => void;
}

const highlightsNoun = (n: number) => (n === 1 ? '1 highlight' : `${n} highlights`);

/**
 * Asks before deleting a tag or family what happens to the highlights that carry it: nothing is
 * deleted silently. With none tagged there is only the one thing to confirm.
 */
export function DeleteTagDialog({ what, tagged, onDelete, onCancel }: DeleteTagDialogProps) {
  const title = `Delete ${what}?`;
  if (tagged === 0) {
    return (
      <ConfirmDialog title={title} onCancel={onCancel} choices={[{ label: 'Delete', danger: true, onChoose: () => onDelete('untag') }]}>
        <p>No highlight carries it. You can undo this.</p>
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      title={title}
      onCancel={onCancel}
      choices={[
        { label: 'Remove the tag from them', onChoose: () => onDelete('untag') },
        { label: `Delete the ${highlightsNoun(tagged)} too`, danger: true, onChoose: () => onDelete('delete-highlights') },
      ]}
    >
      <p>
        {tagged === 1 ? '1 highlight carries it.' : `${tagged} highlights carry it.`} Keep them without it, or delete them as well? You can undo
        either.
      </p>
    </ConfirmDialog>
  );
}
