import type { ColumnDef } from "@tanstack/react-table";
import { EPISODE_STATUSES } from "@waymark/core";
import { Link } from "react-router";
import { EpisodeStatusTag } from "../person/EpisodeStatusTag.js";
import type { CaseloadEntry, CaseloadOrderField } from "./caseloadQuery.js";
import { FlagTags } from "./FlagTags.js";
import { tableDate } from "./tableDate.js";

/** The caseload's columns by id; the person column is always shown, the others can be chosen. */
export type CaseloadColumnId = "person" | "status" | "flags" | "nextReviewDue" | "daysSinceContact" | "keyworker" | "team" | "referralDate";

/** The server's sort field behind each sortable column. Sorting is always done by the server. */
export const ORDER_FIELD_OF_COLUMN: Partial<Record<CaseloadColumnId, CaseloadOrderField>> = {
  person: "LAST_NAME",
  status: "STATUS",
  nextReviewDue: "NEXT_REVIEW_DUE",
  daysSinceContact: "DAYS_SINCE_LAST_ATTENDED_CONTACT",
  referralDate: "REFERRAL_DATE",
};

/** Columns a user may hide, with the words the column chooser uses. */
export const CHOOSABLE_COLUMNS: readonly { readonly id: CaseloadColumnId; readonly label: string }[] = [
  { id: "status", label: "Status" },
  { id: "flags", label: "Flags" },
  { id: "nextReviewDue", label: "Next review due" },
  { id: "daysSinceContact", label: "Days since last attended contact" },
  { id: "keyworker", label: "Keyworker" },
  { id: "team", label: "Team" },
  { id: "referralDate", label: "Referral date" },
];

/** Shown until the user chooses otherwise: the referral date is there for those who sort by waiting time. */
export const DEFAULT_HIDDEN_COLUMNS: readonly CaseloadColumnId[] = ["referralDate"];

function daysSince(days: number | null): string {
  if (days === null) return "None since referral";
  if (days === 0) return "Today";
  return days === 1 ? "1 day" : `${days.toLocaleString("en-GB")} days`;
}

function NextReview({ entry }: { entry: CaseloadEntry }) {
  if (!entry.nextReviewDue) return <span className="secondary">No signed-off plan</span>;
  return (
    <>
      <span className="nowrap">{tableDate(entry.nextReviewDue)}</span>
      {entry.reviewStatus === "DUE" && <span className="caseload__note">Due within a week</span>}
    </>
  );
}

/**
 * The column definitions. Values are read for display only: sorting is manual (server-side), so the accessors
 * just give each column something to sort by in principle.
 */
export const CASELOAD_COLUMNS: ColumnDef<CaseloadEntry, unknown>[] = [
  {
    id: "person",
    accessorFn: (entry) => entry.serviceUser.lastName,
    header: "Person",
    enableHiding: false,
    cell: ({ row }) => {
      const person = row.original.serviceUser;
      return (
        <>
          <Link to={`/people/${person.id}`} className="caseload__person">
            {person.firstName} {person.lastName}
          </Link>
          {person.preferredName && <span className="caseload__note">Known as {person.preferredName}</span>}
          <span className="caseload__note">{person.localReference}</span>
        </>
      );
    },
  },
  {
    id: "status",
    accessorFn: (entry) => EPISODE_STATUSES.codes.indexOf(entry.status),
    header: "Status",
    cell: ({ row }) => <EpisodeStatusTag status={row.original.status} />,
  },
  {
    id: "flags",
    accessorFn: (entry) => entry.flags.length,
    header: "Flags",
    enableSorting: false,
    cell: ({ row }) => <FlagTags flags={row.original.flags} labels={new Map(row.original.flagDetails.map((detail) => [detail.flag, detail.label]))} />,
  },
  {
    id: "nextReviewDue",
    accessorFn: (entry) => entry.nextReviewDue ?? "",
    header: "Next review due",
    cell: ({ row }) => <NextReview entry={row.original} />,
  },
  {
    id: "daysSinceContact",
    accessorFn: (entry) => entry.daysSinceLastAttendedContact ?? Number.MAX_SAFE_INTEGER,
    header: "Days since last attended contact",
    // The longest without contact is what a keyworker looks for first.
    sortDescFirst: true,
    cell: ({ row }) => daysSince(row.original.daysSinceLastAttendedContact),
  },
  {
    id: "keyworker",
    accessorFn: (entry) => entry.keyworker?.name ?? "",
    header: "Keyworker",
    enableSorting: false,
    cell: ({ row }) => row.original.keyworker?.name ?? <span className="secondary">Not allocated</span>,
  },
  {
    id: "team",
    accessorFn: (entry) => entry.team.name,
    header: "Team",
    enableSorting: false,
    cell: ({ row }) => row.original.team.name,
  },
  {
    id: "referralDate",
    accessorFn: (entry) => entry.episode.referral.receivedDate,
    header: "Referral date",
    cell: ({ row }) => <span className="nowrap">{tableDate(row.original.episode.referral.receivedDate)}</span>,
  },
];
