import { isObjectType, type GraphQLSchema } from "graphql";
import { getMetadataStorage } from "type-graphql";

/**
 * Leaves each object field that only reads a property of its object to GraphQL's own default read.
 *
 * type-graphql gives every field a resolver function, even one that does nothing but return
 * `object[property]`: a call and an allocation per field per row, some 1,300 of them for a caseload page.
 * Without a resolver, the compiled executor (compiledExecution.ts) reads the property inline. A field keeps
 * type-graphql's resolver when it has a resolver method (`@FieldResolver`, or a method or getter decorated
 * `@Field`), an `@Authorized` rule or a middleware, or a schema name other than its property's; the schema is
 * built with no global middlewares (schema.ts), so nothing else would have run. This is type-graphql's own
 * `simpleResolvers` option, applied only where it cannot skip a check.
 */
export function readPropertiesPlainly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const hasResolverMethod = (field: { readonly target: unknown; readonly name: string }) =>
    storage.fieldResolvers.some((resolver) => resolver.getObjectType?.() === field.target && resolver.methodName === field.name);
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fromInterfaces = storage.interfaceTypes.filter((it) => objectType.interfaceClasses?.includes(it.target)).flatMap((it) => it.fields ?? []);
    const definitions = type.getFields();
    for (const field of [...fromInterfaces, ...(objectType.fields ?? [])]) {
      const plainRead = !hasResolverMethod(field) && !field.roles?.length && !field.middlewares?.length && field.name === field.schemaName;
      const definition = definitions[field.schemaName];
      if (plainRead && definition) definition.resolve = undefined;
    }
  }
  return schema;
}
