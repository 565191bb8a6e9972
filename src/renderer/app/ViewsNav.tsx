import { hashFor, type AppLocation } from './location-hash';

const views = [
  { view: 'tag', label: 'Tag view', hash: hashFor({ view: 'tag', tagId: null }) },
  { view: 'mentions', label: 'Mentions', hash: hashFor({ view: 'mentions', tagId: null }) },
  { view: 'tags', label: 'Manage tags', hash: hashFor({ view: 'tags' }) },
] as const;

/** The notebook's views beside the sources: passages by tag, untagged mentions, and the tags themselves. */
export function ViewsNav({ location }: { readonly location: AppLocation }) {
  return (
    <nav className="views-nav" aria-label="Views">
      <ul>
        {views.map(({ view, label, hash }) => (
          <li key={view}>
            <a href={hash} aria-current={location.view === view ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
