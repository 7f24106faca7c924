import { useId, useState, type SyntheticEvent } from 'react';
import { ErrorSummary } from '../../components/form';
import { PlusIcon } from '../../components/icons';
import type { CircleLayoutFieldsFragment } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { defaultPlacement, type NewEntryKind } from './circle-state';
import type { EntryDraft } from './edit-history';
import type { ActionResult, Circle } from './use-circle-editor';
import { OrganisationPicker, type Picked } from './organisation-picker';
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

interface AddEntryFormProps {
  readonly circle: Circle;
  readonly layout: CircleLayoutFieldsFragment;
  readonly busy: boolean;
  readonly onAdd: (draft: EntryDraft) => Promise<ActionResult>;
  readonly onCancel: () => void;
}

/** Someone new in the circle: a person (first name or nickname, optionally where they work) or an organisation. */
export function AddEntryForm({ circle, layout, busy, onAdd, onCancel }: AddEntryFormProps) {
  const id = useId();
  const ids = fieldIds(id, `${id}-org-search`);
  const [kind, setKind] = useState<NewEntryKind>('PERSON');
  const [name, setName] = useState('');
  const [employer, setEmployer] = useState<Picked | null>(null);
  const [organisation, setOrganisation] = useState<Picked | null>(null);
  const [relation, setRelation] = useState('');
  const [place, setPlace] = useState(() => defaultPlacement('PERSON', layout));
  const [placeTouched, setPlaceTouched] = useState(false);
  const [content, setContent] = useState<ContentState>({ support: [], frequency: '', wish: '', note: '' });
  const [problems, setProblems] = useState<Problems>({});

  const chooseKind = (next: NewEntryKind) => {
    setKind(next);
    setProblems({});
    // Sensible places follow the kind until the user chose a place themselves.
    if (!placeTouched) setPlace(defaultPlacement(next, layout));
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const found: Problems = textProblems({ name, relation, note: content.note });
    if (kind === 'PERSON' && name.trim() === '') found.name = nl.editor.nameMissing;
    if (kind === 'ORGANISATION' && !organisation) found.organisation = nl.editor.organisationMissing;
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const draft: EntryDraft = {
      ...contentOf(content),
      relation: emptyToNull(relation),
      ring: place.ring,
      sector: place.sector,
      tiedTo: [],
      target:
        kind === 'ORGANISATION' && organisation
          ? { kind: 'ORGANISATION', organisationId: organisation.id }
          : { kind: 'NEW_PERSON', name: name.trim(), organisationId: employer?.id ?? null },
    };
    const atField = apiProblem(await onAdd(draft));
    if (atField) setProblems(atField);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary problems={summary(problems, ids)} />
      <fieldset className="choices">
        <legend>{nl.editor.kindLegend}</legend>
        {(['PERSON', 'ORGANISATION'] as const).map((k) => (
          <div className="choice" key={k}>
            <input
              type="radio"
              name={`${id}-kind`}
              id={`${id}-kind-${k}`}
              checked={kind === k}
              autoFocus={k === 'PERSON'}
              onChange={() => chooseKind(k)}
            />
            <label htmlFor={`${id}-kind-${k}`}>
              <span className="choice-title">{k === 'PERSON' ? nl.editor.kindPerson : nl.editor.kindOrganisation}</span>
              <span className="choice-hint">{k === 'PERSON' ? nl.editor.kindPersonHint : nl.editor.kindOrganisationHint}</span>
            </label>
          </div>
        ))}
      </fieldset>
      {kind === 'PERSON' ? (
        <>
          <EntryTextField field="name" id={ids.name} value={name} problem={problems.name} onChange={setName} />
          <details className="more">
            <summary>{nl.editor.worksAt}</summary>
            <OrganisationPicker
              circleId={circle.id}
              idPrefix={`${id}-employer`}
              legend={nl.editor.worksAt}
              hint={nl.editor.worksAtHint}
              optional
              value={employer}
              onChange={setEmployer}
              problem={problems.organisation}
            />
          </details>
        </>
      ) : (
        <OrganisationPicker
          circleId={circle.id}
          idPrefix={`${id}-org`}
          legend={nl.editor.organisation}
          optional={false}
          value={organisation}
          onChange={setOrganisation}
          problem={problems.organisation}
        />
      )}
      <EntryTextField field="relation" id={ids.relation} value={relation} problem={problems.relation} onChange={setRelation} />
      <PlaceFields
        idPrefix={id}
        layout={layout}
        ring={place.ring}
        sector={place.sector}
        onRing={(ring) => {
          setPlaceTouched(true);
          setPlace((p) => ({ ...p, ring }));
        }}
        onSector={(sector) => {
          setPlaceTouched(true);
          setPlace((p) => ({ ...p, sector }));
        }}
      />
      <details className="more" open={problems.note ? true : undefined}>
        <summary>{nl.editor.moreDetails}</summary>
        <ContentFields idPrefix={id} value={content} onChange={setContent} noteProblem={problems.note} />
      </details>
      <Buttons busy={busy} submit={nl.editor.submitAdd} icon={<PlusIcon />} onCancel={onCancel} />
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Edit
// ---------------------------------------------------------------------------------------------
