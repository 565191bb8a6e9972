import { useId, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import type { TagId } from '../../core/model/ids';
import { hashFor } from '../app/location-hash';
import { entryIndexForKey } from '../library/roving-focus';
import type { TagIndex } from './tag-index';

interface TagPickListProps {
  readonly tags: TagIndex;
  readonly onChoose: (tagId: TagId) => void;
}

/**
 * What the tag view shows before a tag is chosen: the tags that carry passages, by family, with
 * how many. The list is one Tab stop; the arrow keys move through it.
 */
export function TagPickList({ tags, onChoose }: TagPickListProps) {
  const headingId = useId();
  const [active, setActive] = useState(0);
  const families = tags.set.families
    .map((family) => ({ family, used: tags.tagsOf(family.id).filter((tag) => tags.usage(tag.id) > 0) }))
    .filter(({ used }) => used.length > 0);
  const unused = tags.set.tags.length - families.reduce((n, { used }) => n + used.length, 0);

  if (families.length === 0) {
    return <p className="view-empty">No passage is tagged yet. Select a passage in a source and press T (or “Tag” on the toolbar) to tag it; its tags then show here.</p>;
  }

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a.tag-pick')];
    const next = entryIndexForKey(event.key, Math.max(links.indexOf(document.activeElement as HTMLAnchorElement), 0), links.length);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    links[next]?.focus();
  };
  const choose = (tagId: TagId) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onChoose(tagId);
  };

  let index = -1;
  return (
    <section className="tag-pick" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <h2 id={headingId} className="tag-pick-heading">
        Tags with passages
      </h2>
      {families.map(({ family, used }) => (
        <div key={family.id} className="tag-pick-family">
          <h3 className="tag-pick-family-name">{family.name}</h3>
          <ul className="tag-pick-list" aria-label={family.name}>
            {used.map((tag) => {
              index += 1;
              const count = tags.usage(tag.id);
              return (
                <li key={tag.id}>
                  <a
                    className="tag-pick"
                    href={hashFor({ view: 'tag', tagId: tag.id })}
                    tabIndex={index === active ? 0 : -1}
                    style={{ '--tag-color': tag.color } as CSSProperties}
                    onClick={choose(tag.id)}
                  >
                    <span className="tag-swatch" aria-hidden="true" />
                    <span className="tag-pick-name">{tag.name}</span>
                    <span className="count">{count === 1 ? '1 passage' : `${count} passages`}</span>
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {unused > 0 && <p className="view-empty">{unused === 1 ? 'One more tag carries' : `${unused} more tags carry`} no passage yet; choose them above.</p>}
    </section>
  );
}
