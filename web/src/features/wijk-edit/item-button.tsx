import type { ReactNode } from 'react';

/** A small button on a row, read out with the row's name ("Aanpassen: Buurtteam"). */
export function ItemButton({
  icon,
  text,
  name,
  onClick,
}: {
  readonly icon: ReactNode;
  readonly text: string;
  readonly name: string;
  readonly onClick: () => void;
}) {
  return (
    <button aria-label={`${text}: ${name}`} type="button" className="button secondary small" onClick={onClick}>
      {icon} {text}
    </button>
  );
}
