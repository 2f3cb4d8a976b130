import { EPISODE_STATUSES, type EpisodeStatus } from "@waymark/core";
import { Tag, type TagTone } from "../../components/Tag.js";

const TONE: Record<EpisodeStatus, TagTone> = {
  REFERRED: "blue",
  TRIAGED: "blue",
  ASSESSED: "purple",
  IN_TREATMENT: "green",
  COMPLETED: "grey",
  CLOSED: "grey",
};

/** Where an episode is on the journey, as a tag in words. */
export function EpisodeStatusTag({ status }: { status: EpisodeStatus }) {
  return <Tag tone={TONE[status]}>{EPISODE_STATUSES.labelOf(status)}</Tag>;
}
