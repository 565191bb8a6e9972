import { useId } from 'react';
import type { Command } from './command';
import { COMMANDS, KEYS_IN_PLACE } from './registry';
import { onMac, sequenceLabel } from './shortcut';
import { VIEWS } from './views';

const mac = onMac();

function Keys({ labels }: { readonly labels: readonly string[] }) {
  return labels.map((label, i) => (
    <span key={label}>
      {i > 0 && ' or '}
      <kbd>{label}</kbd>
    </span>
  ));
}

const keysOf = (command: Command): readonly string[] => (command.shortcuts ?? []).map((sequence) => sequenceLabel(sequence, mac));

/**
 * Every key the notebook answers to, read from the same registry as the palette and the key
 * dispatcher (so this page cannot fall behind them), and what each view is for.
 */
export function HelpView() {
  const headingId = useId();
  const withKeys = COMMANDS.filter((command) => command.shortcuts && command.shortcuts.length > 0);
  const withoutKeys = COMMANDS.filter((command) => !command.shortcuts || command.shortcuts.length === 0);
  return (
    <main className="view help-view" aria-labelledby={headingId}>
      <header className="view-header">
        <h1 id={headingId} className="view-title">
          Help
        </h1>
      </header>
      <p className="help-lead">
        Everything can be done from the keyboard. <Keys labels={[sequenceLabel([{ key: 'k', mod: true }], mac)]} /> opens the command palette: type a few letters of a
        command, a view, a source or a tag, then Enter.
      </p>

      <section aria-labelledby={`${headingId}-anywhere`}>
        <h2 id={`${headingId}-anywhere`} className="help-heading">
          Keys that work anywhere
        </h2>
        <table className="help-table">
          <tbody>
            {withKeys.map((command) => (
              <tr key={command.id}>
                <th scope="row">{command.title}</th>
                <td>
                  <Keys labels={keysOf(command)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby={`${headingId}-in-place`}>
        <h2 id={`${headingId}-in-place`} className="help-heading">
          Keys in one place
        </h2>
        <table className="help-table">
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Keys</th>
              <th scope="col">What they do</th>
            </tr>
          </thead>
          <tbody>
            {KEYS_IN_PLACE.map((entry) => (
              <tr key={`${entry.where} ${entry.keys.join()}`}>
                <td>{entry.where}</td>
                <td>
                  <Keys labels={entry.keys} />
                </td>
                <td>{entry.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby={`${headingId}-palette`}>
        <h2 id={`${headingId}-palette`} className="help-heading">
          More in the palette
        </h2>
        <p>Without keys of their own, these run from the palette, as does opening any source (or opening it to the side) and the tag view of any tag:</p>
        <ul className="help-list">
          {withoutKeys.map((command) => (
            <li key={command.id}>{command.title}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby={`${headingId}-views`}>
        <h2 id={`${headingId}-views`} className="help-heading">
          Views
        </h2>
        <dl className="help-views">
          {VIEWS.map((entry) => (
            <div key={entry.view}>
              <dt>
                <a href={entry.hash}>{entry.label}</a>
              </dt>
              <dd>{entry.purpose}</dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}
