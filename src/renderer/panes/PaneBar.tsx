interface PaneBarProps {
  /** What the pane shows, e.g. a source's title. */
  readonly title: string;
  readonly side: 'Left' | 'Right';
  /** Whether the pane shows its source's annotations; null when it shows no source. */
  readonly annotations: boolean | null;
  readonly onAnnotations: (shown: boolean) => void;
  readonly onSwap: () => void;
  readonly onClose: () => void;
}

/**
 * Above each of two panes: what it shows, and the commands on the pair. Two panes leave each too
 * narrow for a reader and its annotations, so a pane shows its annotations only when asked.
 */
export function PaneBar({ title, side, annotations, onAnnotations, onSwap, onClose }: PaneBarProps) {
  return (
    <div className="pane-bar">
      <p className="pane-title" title={title}>
        {title}
      </p>
      {annotations !== null && (
        <button type="button" className="pane-button" aria-expanded={annotations} onClick={() => onAnnotations(!annotations)}>
          Annotations
        </button>
      )}
      <button type="button" className="pane-button" onClick={onSwap} title="Swap panes">
        Swap panes
      </button>
      <button type="button" className="pane-button" onClick={onClose} aria-label={`Close the ${side.toLowerCase()} pane`} title={`Close the ${side.toLowerCase()} pane`}>
        ✕
      </button>
    </div>
  );
}
