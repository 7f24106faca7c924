import { useEffect, useRef } from 'react';
import { CloserIcon, FurtherIcon, PencilIcon, SafetyNetIcon, TrashIcon } from '../../components/icons';
import { ShapeSwatch } from '../../components/shape-swatch';
import type { CircleEntryFieldsFragment, CircleLayoutFieldsFragment, CircleTieFieldsFragment } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { entryKind } from '../circle-drawing/circle-elements';
import { ENTRY_STYLE } from '../circle-drawing/circle-style';
import { tiedTo } from './edit-history';
import type { UnplacedEntry } from '../circle-drawing/placement';
import './circle-list.css';

/** Where focus should go after a change moved or removed what had it. */
export type FocusRequest =
  { readonly entryId: string; readonly control: 'name' | 'closer' | 'further' | 'edit' } | { readonly ring: number };

/** The list's edit tools; absent when the circle is read-only. */
export interface ListEditing {
  readonly busy: boolean;
  readonly ringCount: number;
  readonly onCloser: (entry: CircleEntryFieldsFragment) => void;
  readonly onFurther: (entry: CircleEntryFieldsFragment) => void;
  readonly onEdit: (entry: CircleEntryFieldsFragment) => void;
  readonly onRemove: (entry: CircleEntryFieldsFragment) => void;
}

interface CircleListProps {
  readonly layout: CircleLayoutFieldsFragment;
  readonly entries: readonly CircleEntryFieldsFragment[];
  readonly ties?: readonly CircleTieFieldsFragment[];
  readonly unplaced: readonly UnplacedEntry[];
  readonly editing?: ListEditing | null;
  readonly focusRequest?: FocusRequest | null;
  readonly onFocusDone?: () => void;
}

interface EntryItemProps {
  readonly entry: CircleEntryFieldsFragment;
  readonly sectorLabel: string | undefined;
  readonly knows: readonly string[];
  readonly editing: ListEditing | null;
  readonly focus: FocusRequest | null;
  readonly onFocusDone: () => void;
}

function EntryItem({ entry, sectorLabel, knows, editing, focus, onFocusDone }: EntryItemProps) {
  const kind = entryKind(entry.target);
  const style = ENTRY_STYLE[kind];
  const organisation = entry.target.__typename === 'CirclePerson' ? entry.target.organisation : null;
  const name = entry.target.name;
  const nameRef = useRef<HTMLParagraphElement>(null);
  const closerRef = useRef<HTMLButtonElement>(null);
  const furtherRef = useRef<HTMLButtonElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const details: { term: string; value: string }[] = [];
  if (sectorLabel) details.push({ term: nl.circle.sectorLabel, value: sectorLabel });
  if (entry.relation) details.push({ term: nl.circle.relationLabel, value: entry.relation });
  if (entry.support.length > 0)
    details.push({ term: nl.circle.supportLabel, value: entry.support.map((s) => nl.support[s]).join(', ') });
  if (entry.frequency) details.push({ term: nl.editor.frequency, value: nl.editor.frequencyOption[entry.frequency] });
  if (entry.wish) details.push({ term: nl.circle.wishLabel, value: nl.wish[entry.wish] });
  if (entry.note) details.push({ term: nl.circle.noteLabel, value: entry.note });
  if (knows.length > 0) details.push({ term: nl.editor.ties, value: knows.join(', ') });

  // A button that moved the entry is in another ring's list now (a new element): focus follows the entry.
  const wanted = focus && 'entryId' in focus && focus.entryId === entry.id ? focus.control : null;
  useEffect(() => {
    if (!wanted) return undefined;
    // After this commit: a dialog that closes in it hands focus back to its opener first.
    const timer = window.setTimeout(() => {
      const refs = { name: nameRef, closer: closerRef, further: furtherRef, edit: editRef };
      const target = refs[wanted].current;
      (target && !target.hasAttribute('disabled') ? target : nameRef.current)?.focus();
      onFocusDone();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [wanted, onFocusDone]);

  const hidden = <span className="visually-hidden">{nl.editor.forName(name)}</span>;
  return (
    <li className="entry-item" data-entry-id={entry.id}>
      <ShapeSwatch shape={style.shape} fill={style.color} double={style.double} />
      <div className="entry-body">
        <p className="entry-name" ref={nameRef} tabIndex={-1}>
          <strong>{name}</strong>{' '}
          <span className="muted">
            {nl.circle.kind[kind]}
            {organisation ? `, ${nl.circle.worksAt(organisation.name)}` : ''}
          </span>
          {entry.safetyNet ? (
            <span className="badge safety">
              <SafetyNetIcon /> {nl.circle.safetyNet}
            </span>
          ) : null}
        </p>
        {details.length > 0 ? (
          <dl className="entry-details">
            {details.map((d) => (
              <div key={d.term}>
                <dt>{d.term}</dt>
                <dd>{d.value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {editing ? (
          <div className="entry-tools" role="group" aria-label={nl.editor.toolsFor(name)}>
            <button
              type="button"
              ref={closerRef}
              className="button secondary small"
              disabled={entry.ring <= 1}
              onClick={() => editing.onCloser(entry)}
            >
              <CloserIcon /> {nl.editor.closer}
              {hidden}
            </button>
            <button
              type="button"
              ref={furtherRef}
              className="button secondary small"
              disabled={entry.ring >= editing.ringCount}
              onClick={() => editing.onFurther(entry)}
            >
              <FurtherIcon /> {nl.editor.further}
              {hidden}
            </button>
            <button type="button" ref={editRef} className="button secondary small" onClick={() => editing.onEdit(entry)}>
              <PencilIcon /> {nl.editor.edit}
              {hidden}
            </button>
            <button type="button" className="button secondary small danger-text" onClick={() => editing.onRemove(entry)}>
              <TrashIcon /> {nl.editor.remove}
              {hidden}
            </button>
          </div>
        ) : null}
      </div>
    </li>
  );
}

function RingHeading({
  id,
  text,
  focus,
  ring,
  onFocusDone,
}: {
  readonly id: string;
  readonly text: string;
  readonly focus: FocusRequest | null;
  readonly ring: number;
  readonly onFocusDone: () => void;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  const wanted = focus !== null && 'ring' in focus && focus.ring === ring;
  useEffect(() => {
    if (!wanted) return undefined;
    const timer = window.setTimeout(() => {
      ref.current?.focus();
      onFocusDone();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [wanted, onFocusDone]);
  return (
    <h3 id={id} ref={ref} tabIndex={-1}>
      {text}
    </h3>
  );
}

const noop = () => undefined;

/**
 * The circle as a list, ring by ring: the accessible alternative to the drawing, and handy on
 * small screens. In the editor every entry has buttons for everything dragging does (WCAG 2.5.7).
 */
export function CircleList({
  layout,
  entries,
  ties = [],
  unplaced,
  editing = null,
  focusRequest = null,
  onFocusDone = noop,
}: CircleListProps) {
  const sectorOrder = new Map(layout.sectors.map((s, i) => [s.key, i]));
  const sectorLabel = new Map(layout.sectors.map((s) => [s.key, s.label]));
  const nameOf = new Map(entries.map((e) => [e.id, e.target.name]));
  const knows = (id: string) =>
    tiedTo(id, ties)
      .map((other) => nameOf.get(other))
      .filter((n): n is string => n !== undefined)
      .sort((a, b) => a.localeCompare(b, 'nl'));
  const unplacedIds = new Set(unplaced.map((u) => u.id));
  const sorted = [...entries].sort(
    (a, b) =>
      (sectorOrder.get(a.sector) ?? 99) - (sectorOrder.get(b.sector) ?? 99) ||
      a.position - b.position ||
      a.target.name.localeCompare(b.target.name, 'nl'),
  );
  const rings = [...layout.rings].sort((a, b) => a.ring - b.ring);
  const item = (e: CircleEntryFieldsFragment) => (
    <EntryItem
      key={e.id}
      entry={e}
      sectorLabel={sectorLabel.get(e.sector)}
      knows={knows(e.id)}
      editing={editing}
      focus={focusRequest}
      onFocusDone={onFocusDone}
    />
  );

  return (
    <section className="text-alternative" aria-labelledby="circle-list-title">
      <h2 id="circle-list-title">{nl.circle.listTitle}</h2>
      <p>{nl.circle.listIntro}</p>
      {rings.map((ring) => {
        const inRing = sorted.filter((e) => e.ring === ring.ring && !unplacedIds.has(e.id));
        const headingId = `ring-${String(ring.ring)}-title`;
        return (
          <section key={ring.key} className="ring-group" aria-labelledby={headingId}>
            <RingHeading
              id={headingId}
              text={nl.circle.ringHeading(ring.ring, ring.label)}
              ring={ring.ring}
              focus={focusRequest}
              onFocusDone={onFocusDone}
            />
            <p className="muted">{ring.description}</p>
            {inRing.length === 0 ? (
              <p className="muted">{nl.circle.emptyRing}</p>
            ) : (
              <ul className="entry-list">{inRing.map(item)}</ul>
            )}
          </section>
        );
      })}
      {unplaced.length > 0 ? (
        <section className="ring-group" aria-labelledby="unplaced-title">
          <h3 id="unplaced-title">{nl.circle.unplacedTitle}</h3>
          <p className="muted">{nl.circle.unplacedText}</p>
          <ul className="entry-list">{sorted.filter((e) => unplacedIds.has(e.id)).map(item)}</ul>
        </section>
      ) : null}
    </section>
  );
}
