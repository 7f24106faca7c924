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
