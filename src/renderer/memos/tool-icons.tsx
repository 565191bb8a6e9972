import type { ReactNode } from 'react';

/** An icon of the memo's toolbar: 16 px, drawn in the button's text colour, hidden from assistive technology (the button is named). */
function Icon({ children }: { readonly children: ReactNode }) {
  return (
    <svg className="tool-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      {children}
    </svg>
  );
}

/** A heading level drawn as letters, as word processors show it. */
function Glyph({ text }: { readonly text: string }) {
  return (
    <span className="tool-glyph" aria-hidden="true">
      {text}
    </span>
  );
}

export const TOOL_ICONS = {
  heading: <Glyph text="H2" />,
  subheading: <Glyph text="H3" />,
  bold: (
    <Icon>
      <path d="M4.5 2.75h4.25a2.6 2.6 0 0 1 0 5.2H4.5zM4.5 7.95h5a2.65 2.65 0 0 1 0 5.3h-5z" strokeWidth="1.9" />
    </Icon>
  ),
  italic: (
    <Icon>
      <path d="M7 2.75h5M4 13.25h5M10 2.75 6.5 13.25" />
    </Icon>
  ),
  bulletList: (
    <Icon>
      <circle cx="2.75" cy="4" r="0.9" fill="currentColor" stroke="none" />
      <circle cx="2.75" cy="8" r="0.9" fill="currentColor" stroke="none" />
      <circle cx="2.75" cy="12" r="0.9" fill="currentColor" stroke="none" />
      <path d="M6 4h8M6 8h8M6 12h8" />
    </Icon>
  ),
  orderedList: (
    <Icon>
      <path d="M2.25 2.75h1v3M2 9.25a1 1 0 0 1 2 0c0 .9-2 1.6-2 2.75h2" strokeWidth="1.2" />
      <path d="M7 4.25h7M7 8h7M7 11.75h7" />
    </Icon>
  ),
  blockquote: (
    <Icon>
      <path d="M3 12.5V9.25c0-2.6 1-4.6 3.25-5.75M3 9.25h3.25v3.25H3M9.5 12.5V9.25c0-2.6 1-4.6 3.25-5.75M9.5 9.25h3.25v3.25H9.5" />
    </Icon>
  ),
  link: (
    <Icon>
      <path d="M6.75 9.25a2.75 2.75 0 0 0 3.9 0l2.1-2.1a2.75 2.75 0 0 0-3.9-3.9l-.85.85M9.25 6.75a2.75 2.75 0 0 0-3.9 0l-2.1 2.1a2.75 2.75 0 0 0 3.9 3.9l.85-.85" />
    </Icon>
  ),
  undo: (
    <Icon>
      <path d="M5.5 3.5 2.5 6.5l3 3M2.75 6.5h6.75a3.75 3.75 0 0 1 0 7.5H7.5" />
    </Icon>
  ),
  redo: (
    <Icon>
      <path d="m10.5 3.5 3 3-3 3M13.25 6.5H6.5a3.75 3.75 0 0 0 0 7.5h2" />
    </Icon>
  ),
} as const satisfies Record<string, ReactNode>;
