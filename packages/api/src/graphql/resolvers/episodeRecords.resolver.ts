import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { readStaffOf } from "../episodeOwners.js";
import { contactWhen } from "../contactPages.js";
import { pageOfEpisodeRecords, recordsConnection } from "../episodeRecordReads.js";
import { connectionType, PageArgs } from "../relay.js";
import { Contact, HarmReductionRecord } from "../types/contact.js";
import { Episode } from "../types/episode.js";
import { Intervention } from "../types/intervention.js";
import { OutcomeRecord } from "../types/outcome.js";

const InterventionConnection = connectionType(Intervention, "Intervention", "A page of an episode's interventions, newest start first.");
const OutcomeRecordConnection = connectionType(OutcomeRecord, "OutcomeRecord", "A page of an episode's TOPs, newest first.");
const ContactConnection = connectionType(Contact, "Contact", "A page of an episode's contacts, newest first.");
const HarmReductionRecordConnection = connectionType(HarmReductionRecord, "HarmReductionRecord", "A page of an episode's harm-reduction records, newest first.");

const INCLUDE_ENTERED_IN_ERROR = {
  defaultValue: false,
  description: "Include records marked as entered in error (each shows its enteredInError mark). Left out by default, as every rule and schedule leaves them out.",
};

/**
 * An episode's interventions, TOPs, contacts and harm-reduction records. Each list is loaded with the
 * request's batched loaders, so a page of episodes costs one query per relation however long it is. The
 * episode was reached within the viewer's scope, so its records are too; each record shown is audited as read.
 */
@Resolver(() => Episode)
export class EpisodeRecordsResolver {
  @FieldResolver(() => InterventionConnection, { description: "The episode's interventions, newest start date first." })
  async interventions(
    @Root() episode: Episode,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("includeEnteredInError", () => Boolean, INCLUDE_ENTERED_IN_ERROR) includeEnteredInError: boolean,
    @Ctx() context: RequestContext,
  ) {
    const rows = await context.loaders.interventionsByEpisode.load(episode.localId);
    await readStaffOf(context, rows.map((row) => row.deliveredById));
    return pageOfEpisodeRecords(context, "Intervention", episode.serviceUserLocalId, rows, (row) => row.startDate, page, includeEnteredInError, Intervention.of);
  }

  @FieldResolver(() => OutcomeRecordConnection, { description: "The episode's Treatment Outcomes Profiles, newest first." })
  async outcomes(
    @Root() episode: Episode,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("includeEnteredInError", () => Boolean, INCLUDE_ENTERED_IN_ERROR) includeEnteredInError: boolean,
    @Ctx() context: RequestContext,
  ) {
    const rows = await context.loaders.outcomesByEpisode.load(episode.localId);
    return pageOfEpisodeRecords(context, "OutcomeRecord", episode.serviceUserLocalId, rows, (row) => row.date, page, includeEnteredInError, OutcomeRecord.of);
  }

  @FieldResolver(() => ContactConnection, { description: "The episode's contacts and missed appointments, newest first." })
  async contacts(
    @Root() episode: Episode,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("includeEnteredInError", () => Boolean, INCLUDE_ENTERED_IN_ERROR) includeEnteredInError: boolean,
    @Ctx() context: RequestContext,
  ) {
    const contacts = await context.loaders.contactPages.load({ episodeId: episode.localId, first: page.first, after: page.after, includeEnteredInError });
    await readStaffOf(context, contacts.rows.map((row) => row.staffId));
    return recordsConnection(context, "Contact", episode.serviceUserLocalId, contacts, page.first, contactWhen, Contact.of);
  }

  @FieldResolver(() => HarmReductionRecordConnection, { description: "The episode's harm-reduction records, newest first." })
  async harmReduction(
    @Root() episode: Episode,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("includeEnteredInError", () => Boolean, INCLUDE_ENTERED_IN_ERROR) includeEnteredInError: boolean,
    @Ctx() context: RequestContext,
  ) {
    const rows = await context.loaders.harmReductionByEpisode.load(episode.localId);
    return pageOfEpisodeRecords(context, "HarmReductionRecord", episode.serviceUserLocalId, rows, (row) => row.date, page, includeEnteredInError, HarmReductionRecord.of);
  }
}
