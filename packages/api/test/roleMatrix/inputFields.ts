import { getNamedType, type GraphQLInputObjectType, type GraphQLSchema } from "graphql";
import { inputTypesReachedBy, operationNames, rootField } from "./requestBuilder.js";

/**
 * Fields only the server sets: the audit stamps, who recorded what, the pseudonym, sign-in state, and the
 * values derived from the records (schedule dates, flags).
 */
export const SERVER_SET_FIELDS: readonly string[] = [
  "createdAt",
  "createdById",
  "updatedAt",
  "updatedById",
  "enteredInErrorById",
  "enteredInErrorOn",
  "enteredInErrorReason",
  "assessorId",
  "completedById",
  "ageBandOverrideById",
  "registeredTeamId",
  "pseudonym",
  "passwordHash",
  "failedSignIns",
  "lockedUntil",
  "tokenHash",
  "firstInterventionDate",
  "nextReviewDue",
  "suicideRisk",
  "safeguarding",
  "ostSince",
];

/** Types whose values only the server derives: an episode moves through its statuses by the journey's steps alone. */
export const SERVER_SET_TYPES: readonly string[] = ["EpisodeStatus", "Cohort", "ReviewStatus", "CaseloadFlag", "ApiTokenStatus"];

/** The input object types a mutation's arguments reach, with their fields. */
function inputTypesOf(schema: GraphQLSchema, mutation: string): GraphQLInputObjectType[] {
  return [...inputTypesReachedBy(rootField(schema, "mutation", mutation))].map((name) => schema.getType(name) as GraphQLInputObjectType);
}

/** Every mutation input field, as `mutation: Type.field`, that lets a caller set what only the server sets. */
export function serverSetInputFields(schema: GraphQLSchema): string[] {
  return operationNames(schema, "mutation").flatMap((mutation) =>
    inputTypesOf(schema, mutation).flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => SERVER_SET_FIELDS.includes(field.name) || SERVER_SET_TYPES.includes(getNamedType(field.type).name))
        .map((field) => `${mutation}: ${type.name}.${field.name}`),
    ),
  );
}

/** The mutations whose input, at any depth, has a field called `field`. */
export function mutationsTaking(schema: GraphQLSchema, field: string): string[] {
  return operationNames(schema, "mutation").filter((mutation) => inputTypesOf(schema, mutation).some((type) => field in type.getFields()));
}
