import { useEffect, useRef } from 'react';

interface ColorInputProps {
  readonly value: string;
  /** Accessible name, e.g. "Colour of IS-Khorasan". */
  readonly label: string;
  readonly onCommit: (color: string) => void;
  readonly disabled?: boolean;
}

/**
 * A colour swatch that opens the system colour chooser. It commits on the input's `change` (the
 * chooser closed on a colour), not on every `input` while the person drags through colours,
 * each of which would otherwise be a change of its own to save and undo.
 */
export function ColorInput({ value, label, onCommit, disabled }: ColorInputProps) {
  const ref = useRef<HTMLInputElement>(null);
  const commit = useRef(onCommit);
  commit.current = onCommit;

  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    const onChange = () => {
      if (input.value.toLowerCase() !== value.toLowerCase()) commit.current(input.value);
    };
    input.addEventListener('change', onChange);
    return () => input.removeEventListener('change', onChange);
  }, [value]);

  // Uncontrolled, so React does not reset the chooser on each `input` event; re-keyed on a new value.
  return <input key={value} ref={ref} type="color" className="color-input" defaultValue={value} aria-label={label} title={label} disabled={disabled} />;
}
