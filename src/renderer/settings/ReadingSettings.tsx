import { PopoverPanel } from '../controls/PopoverPanel';
import { largerText, setLineWidth, setTheme, setTypeface, smallerText } from './settings-store';
import { useSettings } from './use-settings';
import { LINE_WIDTH_LABELS, TEXT_SIZES, THEME_LABELS, TYPEFACE_LABELS } from './workspace-settings';

interface ChoiceProps<T extends string> {
  readonly legend: string;
  readonly labels: Readonly<Record<T, string>>;
  readonly value: T;
  readonly onChoose: (value: T) => void;
}

/** One setting as a row of radio buttons (arrow keys move between them, as for any radio group). */
function Choice<T extends string>({ legend, labels, value, onChoose }: ChoiceProps<T>) {
  return (
    <fieldset className="settings-choice">
      <legend>{legend}</legend>
      <div className="settings-segments">
        {(Object.keys(labels) as T[]).map((key) => (
          <label key={key} className="settings-segment">
            <input type="radio" name={legend} value={key} checked={value === key} onChange={() => onChoose(key)} />
            <span>{labels[key]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The window's theme and how sources read: each change applies at once and is remembered. */
export function ReadingSettings({ placement }: { readonly placement: 'bottom-start' | 'right-start' }) {
  const settings = useSettings();
  const smallest = settings.textSize <= Math.min(...TEXT_SIZES);
  const largest = settings.textSize >= Math.max(...TEXT_SIZES);
  return (
    <PopoverPanel label="Reading settings" face={<span aria-hidden="true">Aa</span>} buttonClassName="sidebar-tool" placement={placement}>
      {() => (
        <div className="reading-settings">
          <Choice legend="Theme" labels={THEME_LABELS} value={settings.theme} onChoose={setTheme} />
          <fieldset className="settings-choice">
            <legend>Text size</legend>
            <div className="settings-stepper">
              <button type="button" className="pane-button" onClick={smallerText} aria-disabled={smallest}>
                Smaller text
              </button>
              <output className="settings-value" aria-live="polite">
                {settings.textSize} px
              </output>
              <button type="button" className="pane-button" onClick={largerText} aria-disabled={largest}>
                Larger text
              </button>
            </div>
          </fieldset>
          <Choice legend="Line width" labels={LINE_WIDTH_LABELS} value={settings.lineWidth} onChoose={setLineWidth} />
          <Choice legend="Typeface" labels={TYPEFACE_LABELS} value={settings.typeface} onChoose={setTypeface} />
        </div>
      )}
    </PopoverPanel>
  );
}
