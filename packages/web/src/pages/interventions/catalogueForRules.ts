import { catalogueOf, type Catalogue, type CatalogueItem, type Modality, type NeedDomain, type Phase } from "@waymark/core";
import { gql, type Client, type OperationResult } from "urql";

/** Every catalogue field the rules read: the phase, the modality, the sub-types and the seven rule switches (R-CAT-1). */
interface CataloguePage {
  readonly interventionCatalogue: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: GraphQLCatalogueItem }[] };
}

const CATALOGUE_PAGE = gql<CataloguePage, { after: string | null }>`
  query CatalogueForRules($after: String) {
    interventionCatalogue(first: 100, after: $after, includeRetired: true) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          code
          label
          definition
          modality
          phase
          retired
          subTypes { code label needDomain }
          needsConcurrentModality
          needsSubType
          needsAssessedNeed
          needsInterest
          sustainedOnly
          needsContactSchedule
          opioidSubstitution
        }
      }
    }
  }
`;

export interface GraphQLCatalogueItem {
  readonly code: string;
  readonly label: string;
  readonly definition: string;
  readonly modality: Modality;
  readonly phase: Phase;
  readonly retired: boolean;
  readonly subTypes: readonly { readonly code: string; readonly label: string; readonly needDomain: NeedDomain | null }[];
  readonly needsConcurrentModality: boolean;
  readonly needsSubType: boolean;
  readonly needsAssessedNeed: boolean;
  readonly needsInterest: boolean;
  readonly sustainedOnly: boolean;
  readonly needsContactSchedule: boolean;
  readonly opioidSubstitution: boolean;
}

/** Core's catalogue item from the API's: the API lists the switches as fields, core groups them. */
export function catalogueItemOf(item: GraphQLCatalogueItem): CatalogueItem {
  return {
    code: item.code,
    label: item.label,
    definition: item.definition,
    modality: item.modality,
    phase: item.phase,
    subTypes: item.subTypes.map((subType) => ({ ...subType })),
    retired: item.retired,
    switches: {
      needsConcurrentModality: item.needsConcurrentModality,
      needsSubType: item.needsSubType,
      needsAssessedNeed: item.needsAssessedNeed,
      needsInterest: item.needsInterest,
      sustainedOnly: item.sustainedOnly,
      needsContactSchedule: item.needsContactSchedule,
      opioidSubstitution: item.opioidSubstitution,
    },
  };
}

/**
 * The whole catalogue, retired items included: a retired item is never offered, but an older intervention of
 * it still counts for R-ROSC-1 and R-DIS-2 through its modality and switches, as it does on the server.
 * Items come in the catalogue's order, which the form keeps.
 */
export async function loadCatalogue(client: Client): Promise<Catalogue> {
  const items: CatalogueItem[] = [];
  let after: string | null = null;
  for (;;) {
    const result: OperationResult<CataloguePage> = await client.query(CATALOGUE_PAGE, { after }, { requestPolicy: "network-only" }).toPromise();
    if (result.error || !result.data) throw result.error ?? new Error("The intervention catalogue could not be loaded");
    const page = result.data.interventionCatalogue;
    items.push(...page.edges.map((edge) => catalogueItemOf(edge.node)));
    if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) return catalogueOf(items);
    after = page.pageInfo.endCursor;
  }
}
