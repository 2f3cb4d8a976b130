import { useEffect, useState } from "react";
import { useClient } from "urql";
import { CATALOGUE, type CatalogueItemRecord, type CataloguePage } from "./catalogueQueries.js";

export interface CatalogueState {
  readonly items: readonly CatalogueItemRecord[] | null;
  readonly failed: boolean;
  /** Reads the catalogue again from the server, after a change made on another screen. */
  reload(): void;
}

/**
 * The whole catalogue, retired items included, following every page: the admin screens show all of it and the
 * form checks a new code against every code ever used (R-CAT-1).
 */
export function useCatalogue(): CatalogueState {
  const client = useClient();
  const [items, setItems] = useState<readonly CatalogueItemRecord[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const collected: CatalogueItemRecord[] = [];
      let after: string | null = null;
      for (;;) {
        const page: CataloguePage["interventionCatalogue"] | undefined = (await client.query(CATALOGUE, { after }, { requestPolicy: "network-only" }).toPromise()).data?.interventionCatalogue;
        if (!page) {
          if (!cancelled) setFailed(true);
          return;
        }
        collected.push(...page.edges.map((edge) => edge.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      if (!cancelled) setItems(collected.sort((a, b) => a.position - b.position));
    })();
    return () => {
      cancelled = true;
    };
  }, [client, generation]);
  return { items, failed, reload: () => setGeneration((value) => value + 1) };
}
