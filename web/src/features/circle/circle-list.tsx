import { ShapeSwatch } from '../../components/shape-swatch';
import { SafetyNetIcon } from '../../components/icons';
import type { CircleEntryFieldsFragment, CircleLayoutFieldsFragment } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { entryKind } from './circle-elements';
import { ENTRY_STYLE } from './circle-style';
import type { UnplacedEntry } from './placement';

interface CircleListProps {
  readonly layout: CircleLayoutFieldsFragment;
  readonly entries: readonly CircleEntryFieldsFragment[];
  readonly unplaced: readonly UnplacedEntry[];
}

function EntryItem({
  entry,
  sectorLabel,
}: {
  readonly entry: CircleEntryFieldsFragment;
  readonly sectorLabel: string | undefined;
}) {
  const kind = entryKind(entry.target);
  const style = ENTRY_STYLE[kind];
  const organisation = entry.target.__typename === 'CirclePerson' ? entry.target.organisation : null;
  const details: { term: string; value: string }[] = [];
  if (sectorLabel) details.push({ term: nl.circle.sectorLabel, value: sectorLabel });
  if (entry.relation) details.push({ term: nl.circle.relationLabel, value: entry.relation });
  if (entry.support.length > 0)
    details.push({ term: nl.circle.supportLabel, value: entry.support.map((s) => nl.support[s]).join(', ') });
  if (entry.wish) details.push({ term: nl.circle.wishLabel, value: nl.wish[entry.wish] });
  if (entry.note) details.push({ term: nl.circle.noteLabel, value: entry.note });

  return (
    <li className="entry-item">
      <ShapeSwatch shape={style.shape} fill={style.color} double={style.double} />
      <div>
        <p className="entry-name">
          <strong>{entry.target.name}</strong>{' '}
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
      </div>
    </li>
  );
}

/** The circle as a list, ring by ring: the accessible alternative to the drawing, and handy on small screens. */
export function CircleList({ layout, entries, unplaced }: CircleListProps) {
  const sectorOrder = new Map(layout.sectors.map((s, i) => [s.key, i]));
  const sectorLabel = new Map(layout.sectors.map((s) => [s.key, s.label]));
  const unplacedIds = new Set(unplaced.map((u) => u.id));
  const sorted = [...entries].sort(
    (a, b) =>
      (sectorOrder.get(a.sector) ?? 99) - (sectorOrder.get(b.sector) ?? 99) ||
      a.position - b.position ||
      a.target.name.localeCompare(b.target.name, 'nl'),
  );
  const rings = [...layout.rings].sort((a, b) => a.ring - b.ring);

  return (
    <section className="text-alternative" aria-labelledby="circle-list-title">
      <h2 id="circle-list-title">{nl.circle.listTitle}</h2>
      <p>{nl.circle.listIntro}</p>
      {rings.map((ring) => {
        const inRing = sorted.filter((e) => e.ring === ring.ring && !unplacedIds.has(e.id));
        const headingId = `ring-${String(ring.ring)}-title`;
        return (
          <section key={ring.key} className="ring-group" aria-labelledby={headingId}>
            <h3 id={headingId}>{nl.circle.ringHeading(ring.ring, ring.label)}</h3>
            <p className="muted">{ring.description}</p>
            {inRing.length === 0 ? (
              <p className="muted">{nl.circle.emptyRing}</p>
            ) : (
              <ul className="entry-list">
                {inRing.map((e) => (
                  <EntryItem key={e.id} entry={e} sectorLabel={sectorLabel.get(e.sector)} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {unplaced.length > 0 ? (
        <section className="ring-group" aria-labelledby="unplaced-title">
          <h3 id="unplaced-title">{nl.circle.unplacedTitle}</h3>
          <p className="muted">{nl.circle.unplacedText}</p>
          <ul className="entry-list">
            {sorted
              .filter((e) => unplacedIds.has(e.id))
              .map((e) => (
                <EntryItem key={e.id} entry={e} sectorLabel={sectorLabel.get(e.sector)} />
              ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
