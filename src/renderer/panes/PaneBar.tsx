interface PaneBarProps {
  /** What the pane shows, e.g. a source's title. */
  readonly title: string;
  readonly side: 'Left' | 'Right';
  readonly onSwap: () => void;
  readonly onClose: () => void;
}

/** Above each of two panes: what it shows, and the commands on the pair. */
export function PaneBar({ title, side, onSwap, onClose }: PaneBarProps) {
  return (
    <div className="pane-bar">
      <p className="pane-title" title={title}>
        {title}
      </p>
      <button type="button" className="pane-button" onClick={onSwap} title="Swap panes">
        Swap panes
      </button>
      <button type="button" className="pane-button" onClick={onClose} aria-label={`Close the ${side.toLowerCase()} pane`} title={`Close the ${side.toLowerCase()} pane`}>
        ✕
      </button>
    </div>
  );
}
