import { GraphQLError, Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { HeaderMap } from "@apollo/server";
import { ERROR_CODES } from "../errors.js";
import type { FragmentMap } from "./fragments.js";

/** The fields that describe the schema. `__typename` is not one: it names a result's type and stays open. */
const INTROSPECTION_FIELDS: ReadonlySet<string> = new Set(["__schema", "__type"]);

/** True when `operation`, with its fragments followed, asks for `__schema` or `__type` anywhere. */
export function selectsIntrospection(operation: OperationDefinitionNode, fragments: FragmentMap): boolean {
  const visited = new Set<string>();

  function search(selectionSet: SelectionSetNode): boolean {
    return selectionSet.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) {
        return INTROSPECTION_FIELDS.has(selection.name.value) || (selection.selectionSet ? search(selection.selectionSet) : false);
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return search(selection.selectionSet);
      const name = selection.name.value;
      if (visited.has(name)) return false;
      visited.add(name);
      const fragment = fragments.get(name);
      return fragment ? search(fragment.selectionSet) : false;
    });
  }

  return search(operation.selectionSet);
}

/**
 * The answer to an anonymous caller asking for the schema: the schema maps every record Waymark holds, so
 * only signed-in staff may read it. HTTP 401, with the scheme an API token is sent in.
 */
export function introspectionRefused(): GraphQLError {
  return new GraphQLError("Sign in to read the schema: introspection (__schema and __type) is open only to signed-in staff.", {
    extensions: {
      code: ERROR_CODES.unauthenticated,
      http: { status: 401, headers: new HeaderMap([["www-authenticate", 'Bearer realm="waymark"']]) },
    },
  });
}
