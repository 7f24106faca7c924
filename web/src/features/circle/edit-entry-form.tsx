import { useId, useState, type SyntheticEvent } from 'react';
import { ErrorSummary } from '../../components/form';
import { CheckIcon } from '../../components/icons';
import type { CircleLayoutFieldsFragment } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import type { EntryChange } from './edit-history';
import type { ActionResult, Circle, Entry } from './use-circle-editor';
import {
  Buttons,
  ContentFields,
  PlaceFields,
  EntryTextField,
  apiProblem,
  contentOf,
  emptyToNull,
  fieldIds,
  summary,
  textProblems,
  type ContentState,
  type Problems,
} from './entry-fields';

interface EditEntryFormProps {
  readonly circle: Circle;
  readonly layout: CircleLayoutFieldsFragment;
  readonly entry: Entry;
  readonly busy: boolean;
  readonly onSave: (change: EntryChange) => Promise<ActionResult>;
  readonly onCancel: () => void;
}

/** Everything about one entry: name (people who belong to the client), place, words, and who they know. */
export function EditEntryForm({ circle, layout, entry, busy, onSave, onCancel }: EditEntryFormProps) {
  const id = useId();
  const ids = fieldIds(id, `${id}-relation`);
  // Staff (a begeleider with an account) keep their own name; only people the client added can be renamed.
  const canRename = entry.target.__typename === 'CirclePerson' && entry.target.ownContact;
  const [name, setName] = useState(entry.target.name);
  const [relation, setRelation] = useState(entry.relation ?? '');
  const [place, setPlace] = useState({ ring: entry.ring, sector: entry.sector });
  const [content, setContent] = useState<ContentState>({
    support: entry.support,
    frequency: entry.frequency ?? '',
    wish: entry.wish ?? '',
    note: entry.note ?? '',
  });
  const [tied, setTied] = useState<readonly string[]>(() =>
    circle.ties.flatMap((t) => (t.fromEntryId === entry.id ? [t.toEntryId] : t.toEntryId === entry.id ? [t.fromEntryId] : [])),
  );
  const [problems, setProblems] = useState<Problems>({});
  const others = circle.entries.filter((e) => e.id !== entry.id).sort((a, b) => a.target.name.localeCompare(b.target.name, 'nl'));

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const found: Problems = textProblems({ ...(canRename ? { name } : {}), relation, note: content.note });
    if (canRename && name.trim() === '') found.name = nl.editor.nameMissing;
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const result = await onSave({
      ring: place.ring,
      sector: place.sector,
      name: canRename ? name.trim() : null,
      content: { ...contentOf(content), relation: emptyToNull(relation) },
      tiedTo: tied,
    });
    const atField = apiProblem(result);
    if (atField) setProblems(atField);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary problems={summary(problems, ids)} />
      {canRename ? (
        <EntryTextField field="name" id={ids.name} value={name} problem={problems.name} autoFocus onChange={setName} />
      ) : null}
      <EntryTextField
        field="relation"
        id={ids.relation}
        value={relation}
        problem={problems.relation}
        autoFocus={!canRename}
        onChange={setRelation}
      />
      <PlaceFields
        idPrefix={id}
        layout={layout}
        ring={place.ring}
        sector={place.sector}
        onRing={(ring) => setPlace((p) => ({ ...p, ring }))}
        onSector={(sector) => setPlace((p) => ({ ...p, sector }))}
      />
      <ContentFields idPrefix={id} value={content} onChange={setContent} noteProblem={problems.note} />
      <fieldset className="choices compact">
        <legend>{nl.editor.tiesLegend(entry.target.name)}</legend>
        <p className="field-hint">{others.length === 0 ? nl.editor.tiesEmpty : nl.editor.tiesHint}</p>
        {others.map((other) => (
          <div className="checkbox" key={other.id}>
            <input
              type="checkbox"
              id={`${id}-tie-${other.id}`}
              checked={tied.includes(other.id)}
              onChange={(e) => setTied(e.target.checked ? [...tied, other.id] : tied.filter((t) => t !== other.id))}
            />
            <label htmlFor={`${id}-tie-${other.id}`}>{other.target.name}</label>
          </div>
        ))}
      </fieldset>
      <Buttons busy={busy} submit={nl.editor.submitEdit} icon={<CheckIcon />} onCancel={onCancel} />
    </form>
  );
}
