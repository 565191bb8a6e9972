import { useWorkspace } from '../panes/workspace-context';
import { hashFor, type AppLocation } from './location-hash';

const views = [
  { view: 'tag', label: 'Tag view', hash: hashFor({ view: 'tag', tagId: null }) },
  { view: 'mentions', label: 'Mentions', hash: hashFor({ view: 'mentions', tagId: null }) },
  { view: 'problems', label: 'Needs attention', hash: hashFor({ view: 'problems' }) },
  { view: 'tags', label: 'Manage tags', hash: hashFor({ view: 'tags' }) },
  { view: 'matrix', label: 'Evidence matrix', hash: hashFor({ view: 'matrix' }) },
  { view: 'cooccurrence', label: 'Co-occurrence', hash: hashFor({ view: 'cooccurrence' }) },
  { view: 'ach', label: 'Competing hypotheses', hash: hashFor({ view: 'ach', boardId: null }) },
  { view: 'links', label: 'Link chart', hash: hashFor({ view: 'links' }) },
] as const;

/**
 * The notebook's views beside the sources: passages by tag, untagged mentions, and the tags
 * themselves. The tag view can open to the side, beside a source or a memo.
 */
export function ViewsNav({ location }: { readonly location: AppLocation }) {
  const { show } = useWorkspace();
  return (
    <nav className="views-nav" aria-label="Views">
      <ul>
        {views.map(({ view, label, hash }) => (
          <li key={view}>
            <a href={hash} aria-current={location.view === view ? 'page' : undefined}>
              {label}
            </a>
            {view === 'tag' && (
              <button type="button" className="view-side-button" aria-label="Open the tag view to the side" onClick={() => show('second', { kind: 'tag', tagId: null })}>
                Open to the side
              </button>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
