import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields selected directly below the current field, across fragments. Resolvers
 * use it to shape one Cypher query from what the operation asks for.
 */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  for (const node of info.fieldNodes) collect(node.selectionSet, info.fragments, names);
  return names;
}

function collect(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, names: Set<string>): void {
  if (!set) return;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, fragments, names);
    else collect(fragments[selection.name.value]?.selectionSet, fragments, names);
  }
}

/**
 * The names of the fields selected at `path` below the current field (across fragments and inline
 * fragments): `['entries', 'target']` gives what the operation asks of each entry's target.
 */
export function selectedFieldsAt(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let sets: (SelectionSetNode | undefined)[] = info.fieldNodes.map((node) => node.selectionSet);
  for (const name of path) {
    const next: SelectionSetNode[] = [];
    const visit = (set: SelectionSetNode | undefined): void => {
      if (!set) return;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value === name && selection.selectionSet) next.push(selection.selectionSet);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
        else visit(info.fragments[selection.name.value]?.selectionSet);
      }
    };
    for (const set of sets) visit(set);
    sets = next;
  }
  const names = new Set<string>();
  for (const set of sets) collect(set, info.fragments, names);
  return names;
}
