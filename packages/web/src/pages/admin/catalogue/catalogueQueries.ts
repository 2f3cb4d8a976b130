import type { CatalogueRuleSwitches, Modality, NeedDomain, Phase } from "@waymark/core";
import { gql } from "urql";
import type { UserError } from "../../../graphql/userErrors.js";

type SwitchName = keyof CatalogueRuleSwitches;

/** A catalogue item as the admin screens read it. */
export interface CatalogueItemRecord {
  readonly id: string;
  readonly code: string;
  readonly label: string;
  readonly definition: string;
  readonly modality: Modality;
  readonly phase: Phase;
  readonly position: number;
  readonly inUse: boolean;
  readonly retired: boolean;
  readonly version: number;
  readonly needsConcurrentModality: boolean;
  readonly needsSubType: boolean;
  readonly needsAssessedNeed: boolean;
  readonly needsInterest: boolean;
  readonly sustainedOnly: boolean;
  readonly needsContactSchedule: boolean;
  readonly opioidSubstitution: boolean;
  readonly subTypes: readonly { readonly code: string; readonly label: string; readonly needDomain: NeedDomain | null }[];
}

const ITEM_FIELDS = `
  id code label definition modality phase position inUse retired version
  needsConcurrentModality needsSubType needsAssessedNeed needsInterest sustainedOnly needsContactSchedule opioidSubstitution
  subTypes { code label needDomain }
`;

export interface CataloguePage {
  readonly interventionCatalogue: {
    readonly totalCount: number;
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly edges: readonly { readonly node: CatalogueItemRecord }[];
  };
}

/** The whole catalogue, retired items included; a page of 100 covers any real catalogue, later pages are followed. */
export const CATALOGUE = gql<CataloguePage, { after: string | null }>`
  query AdminCatalogue($after: String) {
    interventionCatalogue(includeRetired: true, first: 100, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${ITEM_FIELDS} } }
    }
  }
`;

export const CATALOGUE_ITEM = gql<{ node: CatalogueItemRecord | { __typename: string } | null }, { id: string }>`
  query AdminCatalogueItem($id: ID!) {
    node(id: $id) {
      __typename
      ... on CatalogueItem { ${ITEM_FIELDS} }
    }
  }
`;

interface ItemPayload {
  readonly catalogueItem: CatalogueItemRecord | null;
  readonly userErrors: readonly UserError[];
}

/** The fields of a create or update, as the API's inputs name them; an update leaves out what it does not change. */
export interface CatalogueItemInput extends Partial<Record<SwitchName, boolean>> {
  readonly id?: string;
  readonly version?: number;
  readonly code?: string;
  readonly label?: string;
  readonly definition?: string;
  readonly modality?: Modality;
  readonly phase?: Phase;
  readonly retired?: boolean;
  readonly subTypes?: readonly { readonly code: string; readonly label: string; readonly needDomain: NeedDomain | null }[];
}

export const CREATE_CATALOGUE_ITEM = gql<{ createCatalogueItem: ItemPayload }, { input: CatalogueItemInput }>`
  mutation CreateCatalogueItem($input: CreateCatalogueItemInput!) {
    createCatalogueItem(input: $input) {
      catalogueItem { ${ITEM_FIELDS} }
      userErrors { code field message }
    }
  }
`;

export const UPDATE_CATALOGUE_ITEM = gql<{ updateCatalogueItem: ItemPayload }, { input: CatalogueItemInput }>`
  mutation UpdateCatalogueItem($input: UpdateCatalogueItemInput!) {
    updateCatalogueItem(input: $input) {
      catalogueItem { ${ITEM_FIELDS} }
      userErrors { code field message }
    }
  }
`;

export const RETIRE_CATALOGUE_ITEM = gql<{ retireCatalogueItem: ItemPayload }, { input: { id: string; version: number } }>`
  mutation RetireCatalogueItem($input: RetireCatalogueItemInput!) {
    retireCatalogueItem(input: $input) {
      catalogueItem { ${ITEM_FIELDS} }
      userErrors { code field message }
    }
  }
`;

export const DELETE_CATALOGUE_ITEM = gql<{ deleteCatalogueItem: { deletedCatalogueItemId: string | null; userErrors: readonly UserError[] } }, { input: { id: string } }>`
  mutation DeleteCatalogueItem($input: DeleteCatalogueItemInput!) {
    deleteCatalogueItem(input: $input) {
      deletedCatalogueItemId
      userErrors { code field message }
    }
  }
`;
