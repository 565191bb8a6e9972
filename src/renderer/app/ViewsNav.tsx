import { useWorkspace } from '../panes/workspace-context';
import { VIEWS } from '../commands/views';
import type { AppLocation } from './location-hash';

/**
 * The notebook's views beside the sources: passages by tag, untagged mentions, the tags
 * themselves, the analyses, and Help. The tag view can open to the side, beside a source or a memo.
 */
export function ViewsNav({ location }: { readonly location: AppLocation }) {
  const { show } = useWorkspace();
  return (
    <nav className="views-nav" aria-label="Views">
      <ul>
        {VIEWS.map(({ view, label, hash }) => (
          <li key={view}>
            <a href={hash} aria-current={location.view === view ? 'page' : undefined}>
              {label}
            </a>
            {view === 'tag' && (
              <button type="button" className="view-side-button" aria-label="Open to the side: the tag view" onClick={() => show('second', { kind: 'tag', tagId: null })}>
                Open to the side
              </button>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
