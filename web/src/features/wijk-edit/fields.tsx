import type { ComponentProps } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { ErrorSummary, SelectField, type FormProblem } from '../../components/form';
import { nl } from '../../messages/nl';
import { placeProblem, wijkEditProblem, type WijkEditField, type WijkEditProblem } from './edit-problem';

/** Problems of a wijkkaart form: per field, and one above the form for the rest. */
export interface Problems {
  readonly atField: Partial<Record<WijkEditField, string>>;
  readonly general: string | null;
}

export const NO_PROBLEMS: Problems = { atField: {}, general: null };

export function hasProblems(problems: Problems): boolean {
  return problems.general !== null || Object.keys(problems.atField).length > 0;
}

/** The summary above a form: every problem, linked to its field (`ids` says which input that is). */
export function ProblemSummary({
  problems,
  ids,
}: {
  readonly problems: Problems;
  readonly ids: Partial<Record<WijkEditField, string>>;
}) {
  const list: FormProblem[] = [
    ...(problems.general ? [{ message: problems.general }] : []),
    ...(Object.entries(problems.atField) as [WijkEditField, string][]).map(([field, message]) => ({
      fieldId: ids[field],
      message,
    })),
  ];
  return <ErrorSummary problems={list} />;
}

export type MutationOutcome<Data> =
  { readonly ok: true; readonly data: Data } | { readonly ok: false; readonly problem: WijkEditProblem };

/**
 * A mutation that answers with its data, or with what went wrong in words (see edit-problem.ts).
 * The request policy is left to urql: the page asks for the map again through onChanged.
 */
export function useWijkMutation<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
): [boolean, (variables: Variables) => Promise<MutationOutcome<Data>>] {
  const [state, execute] = useMutation(document);
  const run = async (variables: Variables): Promise<MutationOutcome<Data>> => {
    const result = await execute(variables);
    if (result.error || !result.data) {
      return {
        ok: false,
        problem: result.error ? wijkEditProblem(result.error) : { field: null, message: nl.wijkEdit.problem.other },
      };
    }
    return { ok: true, data: result.data };
  };
  return [state.fetching, run];
}

/** The problem of a refused change placed on this form's fields. */
export function problemsFor(problem: WijkEditProblem, fields: readonly WijkEditField[]): Problems {
  return placeProblem(problem, fields);
}

type ChoiceFieldProps = Omit<ComponentProps<typeof SelectField>, 'children'> & {
  readonly choices: readonly { readonly id: string; readonly name: string }[];
};

/** A select of organisations by name, after an empty first choice ("Kies …"). */
export function ChoiceField({ choices, ...select }: ChoiceFieldProps) {
  return (
    <SelectField {...select}>
      <option value="">{nl.wijkEdit.choose}</option>
      {choices.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </SelectField>
  );
}
