import { Command as Cmdk } from 'cmdk';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Command, CommandSection } from './command';
import { chordCommand } from './dispatch';
import { rankCommands } from './rank';
import { PALETTE_STROKE } from './registry';
import { sequenceLabel } from './shortcut';

interface CommandPaletteProps {
  readonly commands: readonly Command[];
  readonly mac: boolean;
  /** Closes the palette, then runs the command chosen (null: none). */
  readonly onClose: (chosen: Command | null) => void;
}

/** The palette's sections, in the order they are listed when nothing is typed yet. */
const SECTIONS: readonly CommandSection[] = ['Memos', 'Views', 'Move around', 'Panes', 'Library', 'Reading', 'Appearance', 'General', 'Sources', 'Tags'];

/**
 * Every command, by section; typing part of a name lists the matches best first (rank.ts), and
 * Enter runs the one chosen (cmdk keeps the choice and the keys of the list). Open while mounted, as a modal dialog: focus stays in it and returns where it was.
 * The stroke that opened it can start a chord: Ctrl+K then Ctrl+→ goes to the other pane.
 */
export function CommandPalette({ commands, mac, onClose }: CommandPaletteProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    inputRef.current?.focus();
    return () => dialog.close();
  }, []);

  // Closed before the caller moves focus: while a modal dialog is open, the rest of the page takes none.
  const finish = (chosen: Command | null) => {
    ref.current?.close();
    onClose(chosen);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (query !== '') return;
    const chord = chordCommand(commands, PALETTE_STROKE, event, mac);
    if (chord === null) return;
    event.preventDefault();
    finish(chord);
  };

  return (
    <dialog
      ref={ref}
      className="palette"
      aria-label="Command palette"
      onCancel={(event) => {
        event.preventDefault();
        finish(null);
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (event.target === event.currentTarget) finish(null);
      }}
    >
      <Cmdk label="Command" loop shouldFilter={false} onKeyDown={onKeyDown}>
        <Cmdk.Input ref={inputRef} className="palette-input" value={query} onValueChange={setQuery} placeholder="Type a command, a view or a source…" />
        <Cmdk.List className="palette-list" label="Commands">
          <Cmdk.Empty className="palette-empty">No command matches “{query.trim()}”.</Cmdk.Empty>
          {query.trim() === ''
            ? SECTIONS.map((section) => {
                const inSection = commands.filter((command) => command.section === section);
                return (
                  inSection.length > 0 && (
                    <Cmdk.Group key={section} heading={section} className="palette-group">
                      {inSection.map((command) => (
                        <PaletteItem key={command.id} command={command} mac={mac} onSelect={finish} />
                      ))}
                    </Cmdk.Group>
                  )
                );
              })
            : rankCommands(commands, query).map((command) => <PaletteItem key={command.id} command={command} mac={mac} onSelect={finish} />)}
        </Cmdk.List>
      </Cmdk>
    </dialog>
  );
}

function PaletteItem({ command, mac, onSelect }: { readonly command: Command; readonly mac: boolean; readonly onSelect: (command: Command) => void }) {
  return (
    <Cmdk.Item value={command.id} className="palette-item" onSelect={() => onSelect(command)}>
      <span className="palette-title">{command.title}</span>
      {command.shortcuts?.[0] && <kbd className="palette-keys">{sequenceLabel(command.shortcuts[0], mac)}</kbd>}
    </Cmdk.Item>
  );
}
