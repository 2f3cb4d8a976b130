import { defaultCatalogue, catalogueOf, DEFAULT_CATALOGUE } from "@waymark/core";
import { describe, expect, it } from "vitest";
import { episodeOf } from "./episodeForRules.js";
import { notYetAvailable, offeredItems, whyNothingOffered } from "./offeredItems.js";
import { apiEpisode } from "./testing/apiRecords.js";

const codesOffered = (groups: ReturnType<typeof offeredItems>) => groups.flatMap((group) => group.items.map((item) => item.code));

describe("the catalogue items offered for an episode (R-INT-1, R-ROSC-4/5)", () => {
  it("offers treatment-phase and any-time items on an open episode, grouped by modality in DOMAIN §5's order", () => {
    const groups = offeredItems(defaultCatalogue(), episodeOf(apiEpisode()));
    expect(groups.map((group) => group.modality)).toEqual(["PHARMACOLOGICAL", "PSYCHOSOCIAL", "RECOVERY_SUPPORT", "HARM_REDUCTION"]);
    expect(codesOffered(groups)).toContain("ROSC_PEER_SUPPORT");
    expect(codesOffered(groups)).not.toContain("ROSC_AFTERCARE");
    expect(codesOffered(groups)).not.toContain("ROSC_RELAPSE_PREVENTION");
  });

  it("offers post-treatment and any-time items after a planned completion, and nothing for treatment", () => {
    const completed = episodeOf(apiEpisode({ status: "COMPLETED", dischargeDate: "2025-09-01", dischargeReason: "COMPLETED_ALCOHOL_FREE" }));
    const offered = codesOffered(offeredItems(defaultCatalogue(), completed));
    expect(offered).toEqual(expect.arrayContaining(["ROSC_AFTERCARE", "ROSC_RELAPSE_PREVENTION", "NALOXONE_SUPPLY_TRAINING"]));
    expect(offered).not.toContain("ROSC_PEER_SUPPORT");
    expect(offered).not.toContain("OST_METHADONE");
  });

  it("offers nothing on a closed episode, and says why", () => {
    const closed = episodeOf(apiEpisode({ status: "CLOSED", dischargeDate: "2025-09-01", dischargeReason: "DROPPED_OUT" }));
    expect(offeredItems(defaultCatalogue(), closed)).toEqual([]);
    expect(whyNothingOffered(closed)).toContain("closed without a planned completion");
  });

  it("never offers a retired item", () => {
    const catalogue = catalogueOf(DEFAULT_CATALOGUE.map((item) => (item.code === "ROSC_PEER_SUPPORT" ? { ...item, retired: true } : item)));
    expect(codesOffered(offeredItems(catalogue, episodeOf(apiEpisode())))).not.toContain("ROSC_PEER_SUPPORT");
  });

  it("R-ROSC-4/5: says why aftercare and relapse-prevention support are not listed on an open episode, in core's words", () => {
    const reasons = notYetAvailable(defaultCatalogue(), episodeOf(apiEpisode()), "2025-07-01");
    expect(reasons.map(({ item }) => item.code)).toEqual(["ROSC_AFTERCARE", "ROSC_RELAPSE_PREVENTION"]);
    expect(reasons[0]?.reason).toBe("Aftercare support is recorded only after a planned completion of structured treatment. This episode is still open: discharge it with a 'treatment completed' reason first.");
    const completed = episodeOf(apiEpisode({ status: "COMPLETED", dischargeDate: "2025-06-01", dischargeReason: "COMPLETED_ALCOHOL_FREE" }));
    expect(notYetAvailable(defaultCatalogue(), completed, "2025-07-01")).toEqual([]);
  });
});
