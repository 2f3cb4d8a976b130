import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType, type ClassType } from "type-graphql";
import { enumValueOf, filterFieldOf, type AnalysisColumn } from "../../analysis/analysisColumns.js";
import { CONTACTS, EPISODES, INTERVENTIONS, OUTCOMES, REVIEWS, type AnalysisDataset } from "../../analysis/datasets.js";
import { MAX_GROUPS, SUPPRESSED_COUNT, SUPPRESSION_THRESHOLD } from "../../analysis/recordAggregates.js";
import type { RecordFilter } from "../../analysis/recordFilter.js";
import type { RecordRow } from "../../analysis/recordPages.js";
import type { PersonPseudonymiser } from "../../analysis/pseudonymousPersonId.js";
import { BooleanFilter, DateFilter, IdFilter, IntFilter, OrderDirection, StringFilter } from "../filters.js";
import { toGlobalId } from "../globalId.js";
import { connectionType, Node } from "../relay.js";
import { DateScalar } from "../scalars.js";

/**
 * The pseudonymised record types analysts query (DOMAIN §1), built from the dataset descriptions in
 * `analysis/datasets.ts` so each type, its filter, its order, its group-by fields and its aggregates always
 * list the same fields. Nothing identifying is in a dataset, so nothing identifying can appear here.
 */

@ObjectType({ description: "A team (service) as analysts see it: its global ID and the service's name." })
export class AnalysisTeam {
  localId!: string;

  @Field(() => ID, { description: "The team's global ID (a Team ID), for filters such as teamId." })
  id!: string;

  @Field(() => String, { description: "The team's (service's) name; a service, never a person." })
  name!: string;
}

/** The team of a record as the schema shows it. */
export function analysisTeamOf(localId: string, name: string): AnalysisTeam {
  return Object.assign(new AnalysisTeam(), { id: toGlobalId("Team", localId), localId, name });
}

/** A pseudonymised record: its Node ID, pseudonymous person ID and column values. */
export abstract class PseudonymisedRecord extends Node {
  localId!: string;
  episodeLocalId!: string;
}

/** Applies type-graphql's field decorator to a property of a generated class. */
function addField(prototype: object, name: string, type: () => unknown, options: { description: string; nullable?: boolean; defaultValue?: unknown }): void {
  Field(type as never, options)(prototype, name);
}

/** The GraphQL type of a column's value. */
function valueType(column: AnalysisColumn): () => unknown {
  switch (column.kind) {
    case "int":
      return () => Int;
    case "date":
      return () => DateScalar;
    case "bool":
      return () => Boolean;
    case "team":
      return () => AnalysisTeam;
    case "staff":
      return () => ID;
    default:
      return () => String;
  }
}

/** The operator input that filters a column. */
function filterType(column: AnalysisColumn): () => unknown {
  switch (column.kind) {
    case "int":
      return () => IntFilter;
    case "date":
      return () => DateFilter;
    case "bool":
      return () => BooleanFilter;
    case "team":
    case "staff":
      return () => IdFilter;
    default:
      return () => StringFilter;
  }
}

function enumOfColumns(name: string, description: string, columns: readonly AnalysisColumn[]): Record<string, string> {
  const values = Object.fromEntries(columns.map((column) => [enumValueOf(column.name), enumValueOf(column.name)]));
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(columns.map((column) => [enumValueOf(column.name), { description: `${column.name}: ${column.description}` }])),
  });
  return values;
}

const suppressionRule = `Groups are suppressed when the grouping includes a disclosive field (age band, sex, ethnicity, postcode district, a date or a member of staff) and the group has fewer than ${SUPPRESSION_THRESHOLD} records: count, sum, avg, min and max are then null and countShown is "${SUPPRESSED_COUNT}".`;

/** The GraphQL types of one dataset. */
export interface PseudonymisedTypes {
  readonly dataset: AnalysisDataset;
  readonly Record: ClassType<PseudonymisedRecord>;
  readonly Connection: ClassType;
  readonly Filter: ClassType;
  readonly Order: ClassType;
  readonly GroupField: Record<string, string>;
  readonly Aggregate: ClassType;
  readonly Group: ClassType;
  /** The schema object of a record as read. */
  of(row: RecordRow, pseudonymise: PersonPseudonymiser): PseudonymisedRecord;
}

/** The request an aggregate answers, kept on the object for its `groups` field. */
export interface AggregateSource {
  readonly filter: RecordFilter | null | undefined;
  readonly groupBy: readonly string[];
}

function typesOf(dataset: AnalysisDataset): PseudonymisedTypes {
  const name = dataset.typeName;
  const { columns } = dataset;
  const measures = columns.filter((column) => column.measure);

  class RecordType extends PseudonymisedRecord {}
  addField(RecordType.prototype, "personId", () => String, {
    description: "Pseudonymous ID of the person: the same for all their records in every query and export, and computed with a key kept secret by this installation, so it cannot be traced back without it.",
  });
  for (const column of columns) addField(RecordType.prototype, column.name, valueType(column), { description: column.description, nullable: !column.required });
  ObjectType(name, { implements: Node, description: dataset.description })(RecordType);

  const Connection = connectionType(RecordType, name, `A page of ${dataset.noun}s (pseudonymised), with the count of all that match and their aggregates.`);

  class FilterType {
    /** Fields are added below, one per column of the dataset. */
    [field: string]: unknown;
  }
  for (const column of columns) addField(FilterType.prototype, filterFieldOf(column), filterType(column), { nullable: true, description: `Conditions on ${column.name}.` });
  addField(FilterType.prototype, "and", () => [FilterType], { nullable: true, description: "Filters that must all hold as well." });
  addField(FilterType.prototype, "or", () => [FilterType], { nullable: true, description: "Filters of which at least one must hold as well." });
  InputType(`${name}Filter`, { description: `Which ${dataset.noun}s to include: every condition given must hold.` })(FilterType);

  const OrderField = enumOfColumns(`${name}OrderField`, `A field ${dataset.noun}s can be sorted by. Missing values sort first ascending.`, columns);
  class OrderType {
    /** Fields are added below, one per column of the dataset. */
    [field: string]: unknown;
  }
  addField(OrderType.prototype, "field", () => OrderField, { description: "The field to sort by." });
  addField(OrderType.prototype, "direction", () => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Ascending (default) or descending." });
  InputType(`${name}Order`, { description: `One sort key of a list of ${dataset.noun}s; the record ID always ends the order, so paging is stable.` })(OrderType);

  const GroupField = enumOfColumns(`${name}GroupField`, `A field ${dataset.noun}s can be grouped by. ${suppressionRule}`, columns);

  class GroupKey {
    /** Fields are added below, one per column of the dataset. */
    [field: string]: unknown;
  }
  for (const column of columns) addField(GroupKey.prototype, column.name, valueType(column), { nullable: true, description: `The group's ${column.name}; null when not grouped by it or not recorded.` });
  ObjectType(`${name}GroupKey`, { description: `The values of the grouped fields that a group of ${dataset.noun}s shares.` })(GroupKey);

  class Measures {
    /** Fields are added below, one per column of the dataset. */
    [field: string]: unknown;
  }
  for (const column of measures) addField(Measures.prototype, column.name, () => Float, { nullable: true, description: `Of ${column.name}; null when no record of the group has a value or the group is suppressed.` });
  ObjectType(`${name}Measures`, { description: `One statistic of each numeric field of ${dataset.noun}s over a group.` })(Measures);

  class Group {
    /** Fields are added below, one per column of the dataset. */
    [field: string]: unknown;
  }
  addField(Group.prototype, "key", () => GroupKey, { description: "The grouped fields' values." });
  addField(Group.prototype, "count", () => Int, { nullable: true, description: `How many ${dataset.noun}s are in the group; null when suppressed.` });
  addField(Group.prototype, "countShown", () => String, { description: `The count as it may be shown: the number, or "${SUPPRESSED_COUNT}" when suppressed.` });
  addField(Group.prototype, "suppressed", () => Boolean, { description: "True when the group is too small to show." });
  for (const statistic of ["sum", "avg", "min", "max"]) {
    addField(Group.prototype, statistic, () => Measures, { nullable: true, description: `The ${statistic} of each numeric field over the group; null when suppressed.` });
  }
  ObjectType(`${name}Group`, { description: `${dataset.noun}s sharing the values of the grouped fields. ${suppressionRule}` })(Group);

  class Aggregate {
    /** What `groups` answers: the connection's filter and the fields grouped by (not in the schema). */
    source!: AggregateSource;
  }
  ObjectType(`${name}Aggregate`, {
    description: `Counts and statistics of the ${dataset.noun}s that match the connection's filter, grouped as asked and computed in SQL. ${suppressionRule} Groups come in ascending order of their keys, at most ${MAX_GROUPS}.`,
  })(Aggregate);

  return {
    dataset,
    Record: RecordType,
    Connection,
    Filter: FilterType,
    Order: OrderType,
    GroupField,
    Aggregate,
    Group,
    of(row, pseudonymise) {
      const values: Record<string, unknown> = {};
      for (const column of columns) {
        const value = row.values[column.name];
        values[column.name] =
          value === null ? null : column.kind === "team" ? analysisTeamOf(String(value), row.teamName) : column.kind === "staff" ? toGlobalId("Staff", String(value)) : value;
      }
      return Object.assign(new RecordType(), { ...values, id: toGlobalId(name, row.localId), localId: row.localId, episodeLocalId: row.episodeLocalId, personId: pseudonymise(row.serviceUserLocalId) });
    },
  };
}

export const PseudonymisedEpisodeTypes = typesOf(EPISODES);
export const PseudonymisedInterventionTypes = typesOf(INTERVENTIONS);
export const PseudonymisedReviewTypes = typesOf(REVIEWS);
export const PseudonymisedOutcomeTypes = typesOf(OUTCOMES);
export const PseudonymisedContactTypes = typesOf(CONTACTS);
