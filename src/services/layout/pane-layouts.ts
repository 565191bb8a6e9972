import type { PaneLayout } from '../../shared/api-contract';
import type { NotebookFile } from '../notebook-file';
import type { JsonDocument } from '../store/json-document';

/** layout.get / layout.set: the two reading panes, kept in notebook.json. */
export class PaneLayouts {
  constructor(private readonly notebook: JsonDocument<NotebookFile>) {}

  get(): PaneLayout | null {
    return this.notebook.data.layout ?? null;
  }

  /** Answers once the layout is durable. */
  async set(layout: PaneLayout): Promise<PaneLayout> {
    await this.notebook.update((file) => ({ ...file, layout }));
    return layout;
  }
}
