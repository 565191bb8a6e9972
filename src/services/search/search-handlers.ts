import type { ApiHandlers } from '../dispatch';
import type { PaneLayouts } from '../layout/pane-layouts';
import { SearchService, type SearchServiceParts } from './search-service';
import { SharedTextService, type SharedTextServiceParts } from './shared-text-service';

export type SearchHandlerParts = SearchServiceParts & SharedTextServiceParts & { readonly layouts: PaneLayouts };

type SearchMethod = 'search.query' | 'sources.twins' | 'passages.related' | 'highlights.copyToTwin' | 'layout.get' | 'layout.set';

/** The methods of search across sources, shared text, related passages and the two-pane layout. */
export function createSearchHandlers(parts: SearchHandlerParts): Pick<ApiHandlers, SearchMethod> {
  const search = new SearchService(parts);
  const shared = new SharedTextService(parts);
  return {
    'search.query': (input) => search.query(input),
    'sources.twins': (input) => shared.twins(input),
    'passages.related': (input) => shared.related(input),
    'highlights.copyToTwin': (input) => shared.copyToTwin(input),
    'layout.get': async () => parts.layouts.get(),
    'layout.set': ({ layout }) => parts.layouts.set(layout),
  };
}
