interface Props {
  id: string;
  checked: boolean;
  onToggle: (checked: boolean) => void;
}

/** The on/off switch of a boolean or an optional setting; its test id follows the field's id. */
export function SwitchInput({ id, checked, onToggle }: Props) {
  return (
    <input
      id={id}
      type="checkbox"
      role="switch"
      className="switch"
      data-testid={`field-${id}`}
      checked={checked}
      aria-checked={checked}
      onChange={(e) => onToggle(e.target.checked)}
    />
  );
}
