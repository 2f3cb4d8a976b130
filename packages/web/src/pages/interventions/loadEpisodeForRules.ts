import type { Assessment, Catalogue, Episode, Intervention } from "@waymark/core";
import { useCallback, useEffect, useState } from "react";
import { gql, useClient, type Client } from "urql";
import { EPISODE_HEADING_FIELDS } from "../../components/EpisodeFormHeading.js";
import { loadCatalogue } from "./catalogueForRules.js";
import {
  ASSESSMENT_RULE_FIELDS,
  assessmentOf,
  EPISODE_RULE_FIELDS,
  episodeOf,
  INTERVENTION_RULE_FIELDS,
  interventionOf,
  type GraphQLAssessment,
  type GraphQLEpisodeForRules,
  type GraphQLIntervention,
} from "./episodeForRules.js";

interface Page<T> {
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: readonly { readonly node: T }[];
}

const PAGE_INFO = "pageInfo { hasNextPage endCursor }";

const EPISODE_FOR_RULES = gql<
  { episode: (GraphQLEpisodeForRules & { interventions: Page<GraphQLIntervention>; assessments?: Page<GraphQLAssessment> }) | null },
  { id: string; withAssessments: boolean }
>`
  query EpisodeForRules($id: ID!, $withAssessments: Boolean!) {
    episode(id: $id) {
      ${EPISODE_HEADING_FIELDS}
      ${EPISODE_RULE_FIELDS}
      interventions(first: 100) { ${PAGE_INFO} edges { node { ${INTERVENTION_RULE_FIELDS} } } }
      assessments(first: 100) @include(if: $withAssessments) { ${PAGE_INFO} edges { node { ${ASSESSMENT_RULE_FIELDS} } } }
    }
  }
`;

const MORE_INTERVENTIONS = gql<{ episode: { interventions: Page<GraphQLIntervention> } | null }, { id: string; after: string }>`
  query EpisodeInterventionsForRules($id: ID!, $after: String!) {
    episode(id: $id) { id interventions(first: 100, after: $after) { ${PAGE_INFO} edges { node { ${INTERVENTION_RULE_FIELDS} } } } }
  }
`;

const MORE_ASSESSMENTS = gql<{ episode: { assessments: Page<GraphQLAssessment> } | null }, { id: string; after: string }>`
  query EpisodeAssessmentsForRules($id: ID!, $after: String!) {
    episode(id: $id) { id assessments(first: 100, after: $after) { ${PAGE_INFO} edges { node { ${ASSESSMENT_RULE_FIELDS} } } } }
  }
`;

/** Every node of a connection, following its pages: a rule that saw only the first page could wrongly refuse. */
async function allNodes<T>(first: Page<T>, next: (after: string) => Promise<Page<T> | undefined>): Promise<T[]> {
  const nodes = first.edges.map((edge) => edge.node);
  let page: Page<T> | undefined = first;
  while (page?.pageInfo.hasNextPage && page.pageInfo.endCursor !== null) {
    page = await next(page.pageInfo.endCursor);
    if (page === undefined) throw new Error("The episode changed scope while its records were loading");
    nodes.push(...page.edges.map((edge) => edge.node));
  }
  return nodes;
}

/** An episode with everything the intervention and discharge rules read, as the API sent it and as core types it. */
export interface EpisodeForRules {
  /** The episode as the API sent it, for the page (heading, keyworker, version). */
  readonly source: GraphQLEpisodeForRules;
  readonly episode: Episode;
  /** The episode's interventions (not those entered in error), newest start first, as the API sent them. */
  readonly interventionRecords: readonly GraphQLIntervention[];
  readonly interventions: readonly Intervention[];
  /** Loaded only when asked for (R-ROSC-2 reads them); otherwise empty. */
  readonly assessments: readonly Assessment[];
  readonly catalogue: Catalogue;
}

/** Loads an episode for the rules, or null when it does not exist or is outside this person's scope. */
export async function loadEpisodeForRules(client: Client, id: string, withAssessments: boolean): Promise<EpisodeForRules | null> {
  const fresh = { requestPolicy: "network-only" } as const;
  const [result, catalogue] = await Promise.all([client.query(EPISODE_FOR_RULES, { id, withAssessments }, fresh).toPromise(), loadCatalogue(client)]);
  if (result.error) throw result.error;
  const source = result.data?.episode;
  if (!source) return null;
  const interventionRecords = await allNodes(source.interventions, async (after) => {
    const more = await client.query(MORE_INTERVENTIONS, { id, after }, fresh).toPromise();
    if (more.error) throw more.error;
    return more.data?.episode?.interventions;
  });
  const assessments = source.assessments
    ? await allNodes(source.assessments, async (after) => {
        const more = await client.query(MORE_ASSESSMENTS, { id, after }, fresh).toPromise();
        if (more.error) throw more.error;
        return more.data?.episode?.assessments;
      })
    : [];
  return {
    source,
    episode: episodeOf(source),
    interventionRecords,
    interventions: interventionRecords.map((intervention) => interventionOf(intervention, source.id)),
    assessments: assessments.map((assessment) => assessmentOf(assessment, source.id)),
    catalogue,
  };
}

export type Loaded<T> = { readonly state: "loading" } | { readonly state: "missing" } | { readonly state: "failed" } | { readonly state: "ready"; readonly value: T };

/** Loads an episode for the rules when the page opens, fresh from the server, with a way to try again. */
export function useEpisodeForRules(episodeId: string, withAssessments: boolean): { loaded: Loaded<EpisodeForRules>; reload: () => void } {
  const client = useClient();
  const [loaded, setLoaded] = useState<Loaded<EpisodeForRules>>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setLoaded({ state: "loading" });
    loadEpisodeForRules(client, episodeId, withAssessments).then(
      (value) => current && setLoaded(value === null ? { state: "missing" } : { state: "ready", value }),
      () => current && setLoaded({ state: "failed" }),
    );
    return () => {
      current = false;
    };
  }, [client, episodeId, withAssessments, attempt]);
  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { loaded, reload };
}
