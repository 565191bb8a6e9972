import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { SourceId } from '../../core/model/ids';
import type { NotebookApi, PaneView, SourceSummary } from '../../shared/api-contract';
import type { Resource } from '../app/use-api-resource';
import { isTypingTarget } from '../changes/history-keys';
import { useChanges } from '../changes/use-changes';
import type { PaneName } from '../panes/pane-layout';
import { useTagIndex } from '../tags/use-tag-index';
import type { Command, CommandContext } from './command';
import { CommandPalette } from './CommandPalette';
import { commandForPress } from './dispatch';
import { RegionFocus } from './regions';
import { COMMANDS, sourceCommands, tagCommands } from './registry';
import { onMac } from './shortcut';

/** What the workspace lets commands act on. */
export interface WorkspaceState {
  readonly twoPanes: boolean;
  readonly readingSource: boolean;
  /** The pane with the keyboard, where F6 starts from when nothing has it. */
  readonly focusedPane: PaneName;
  show(pane: PaneName, view: PaneView): void;
  openToSide(sourceId: SourceId): void;
  swapPanes(): void;
  closeRightPane(): void;
  focusOtherPane(): void;
  findInSource(): void;
}

interface CommandCenterProps {
  readonly api: NotebookApi;
  readonly sources: Resource<readonly SourceSummary[]>;
  /** The window's workspace: its regions are found inside it. */
  readonly rootRef: RefObject<HTMLElement | null>;
  readonly workspace: WorkspaceState;
}

const mac = onMac();

/**
 * The keyboard's way into everything: the command palette (Ctrl/Cmd+K), the shortcuts of the
 * commands, read once for the whole window, and F6 between the regions. The commands are plain
 * values (registry.ts); this gives them the window to act on.
 */
export function CommandCenter({ api, sources, rootRef, workspace }: CommandCenterProps) {
  const tracker = useChanges();
  const tags = useTagIndex();
  const [palette, setPalette] = useState<{ readonly opener: HTMLElement | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const regionFocus = useRef<RegionFocus | null>(null);

  const commands = useMemo(
    () => [...COMMANDS, ...(sources.status === 'ready' ? sourceCommands(sources.value) : []), ...(tags ? tagCommands(tags) : [])],
    [sources, tags],
  );

  const paneElement = (pane: PaneName) => rootRef.current?.querySelector<HTMLElement>(`[data-region="pane"][data-pane="${pane}"]`) ?? null;
  const context: CommandContext = {
    api,
    twoPanes: workspace.twoPanes,
    readingSource: workspace.readingSource,
    go: (hash) => {
      window.location.hash = hash;
    },
    show: workspace.show,
    openToSide: workspace.openToSide,
    swapPanes: workspace.swapPanes,
    closeRightPane: workspace.closeRightPane,
    cycleRegions: (step) => regionFocus.current?.cycle(step, paneElement(workspace.focusedPane)),
    focusOtherPane: workspace.focusOtherPane,
    press: (mark) => {
      const control = document.querySelector<HTMLElement>(`[data-command="${mark}"]`);
      control?.click();
      return control !== null;
    },
    focus: (selector) => {
      const element = document.querySelector<HTMLElement>(selector);
      element?.focus({ preventScroll: true });
      return element !== null;
    },
    findInSource: workspace.findInSource,
    openPalette: () => setPalette((open) => open ?? { opener: document.activeElement instanceof HTMLElement ? document.activeElement : null }),
    undo: () => tracker.undo(),
    redo: () => tracker.redo(),
    report: setProblem,
  };
  // The key listener is attached once and reads the latest commands and context from here.
  const latest = useRef({ commands, context });
  useEffect(() => {
    latest.current = { commands, context };
  });

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const regions = new RegionFocus(root);
    regionFocus.current = regions;
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement) regions.focused(event.target);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      // A modal dialog keeps the keyboard to itself (the palette reads its own keys).
      if (target?.closest('dialog[open]')) return;
      const { commands, context } = latest.current;
      const command = commandForPress(commands, event, mac, isTypingTarget(target));
      if (command === null || command.available?.(context) === false) return;
      event.preventDefault();
      setProblem(null);
      void command.run(context);
    };
    // When what had the keyboard is taken out of the page, it would fall to the body.
    const observer = new MutationObserver(() => regions.rescue(root.querySelector<HTMLElement>('[data-region="pane"][data-focused="true"]') ?? root.querySelector<HTMLElement>('[data-region="pane"]')));
    observer.observe(root, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocusIn);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
      window.removeEventListener('keydown', onKeyDown);
      regionFocus.current = null;
    };
  }, [rootRef]);

  const close = (chosen: Command | null) => {
    const opener = palette?.opener;
    setPalette(null);
    // Back where the person was, without scrolling the reader to it; the command may then move on.
    if (opener?.isConnected) opener.focus({ preventScroll: true });
    setProblem(null);
    if (chosen) void chosen.run(context);
  };

  return (
    <>
      {palette && <CommandPalette commands={commands.filter((command) => command.inPalette !== false && command.available?.(context) !== false)} mac={mac} onClose={close} />}
      {problem && (
        <p className="command-problem" role="alert">
          {problem}
          <button type="button" className="link-button" onClick={() => setProblem(null)}>
            Dismiss
          </button>
        </p>
      )}
    </>
  );
}
