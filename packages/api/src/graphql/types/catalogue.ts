import type { CatalogueSubType as CoreCatalogueSubType, Modality, NeedDomain, Phase } from "@waymark/core";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { toCatalogueItem, type CatalogueItemRow } from "../../db/mappers.js";
import { ModalityEnum, NeedDomainEnum, PhaseEnum } from "../enums.js";
import { toGlobalId } from "../globalId.js";
import { Node } from "../relay.js";

@ObjectType({ description: "A kind of support within a catalogue item, such as housing support within social support." })
export class CatalogueSubType {
  @Field(() => String, { description: "Stable code, unique within its item. Interventions record the codes of the sub-types chosen." })
  code!: string;

  @Field(() => String, { description: "What staff see when choosing it." })
  label!: string;

  @Field(() => NeedDomainEnum, {
    nullable: true,
    description: "The need an assessment must have found for this sub-type to be recorded, when the item has needsAssessedNeed (R-ROSC-2).",
  })
  needDomain!: NeedDomain | null;

  static of(subType: CoreCatalogueSubType): CatalogueSubType {
    const catalogueSubType = new CatalogueSubType();
    catalogueSubType.code = subType.code;
    catalogueSubType.label = subType.label;
    catalogueSubType.needDomain = subType.needDomain;
    return catalogueSubType;
  }
}

/**
 * The rule switches, as plain fields of the item and of its inputs, so an admin's form and an analyst's
 * query read them directly. Each names the rule it turns on.
 */
@ObjectType({
  implements: Node,
  description:
    "An entry of the intervention catalogue (R-CAT-1): data an admin edits. The intervention rules read an item's phase and switches, " +
    "never its code, so an item an admin adds behaves like a built-in one with the same switches. An item in use is never deleted " +
    "or re-coded, only retired.",
})
export class CatalogueItem extends Node {
  /** The item's code, which is its database key. */
  localId!: string;

  @Field(() => String, { description: "Stable code, e.g. ROSC_PEER_SUPPORT. Interventions point at it, so once in use it never changes." })
  code!: string;

  @Field(() => String, { description: "Name shown to staff." })
  label!: string;

  @Field(() => String, { description: "What counts as this intervention, in plain words." })
  definition!: string;

  @Field(() => ModalityEnum, { description: "The kind of intervention. Pharmacological and psychosocial items start structured treatment." })
  modality!: Modality;

  @Field(() => PhaseEnum, { description: "When in the journey the item may be recorded." })
  phase!: Phase;

  @Field(() => [CatalogueSubType], { description: "The kinds of support within the item that an intervention may name." })
  subTypes!: CatalogueSubType[];

  @Field(() => Boolean, { description: "R-ROSC-1: recorded only alongside an overlapping pharmacological or psychosocial intervention of the same episode." })
  needsConcurrentModality!: boolean;

  @Field(() => Boolean, { description: "R-ROSC-2 / R-ROSC-5: at least one sub-type must be chosen." })
  needsSubType!: boolean;

  @Field(() => Boolean, { description: "R-ROSC-2: each chosen sub-type's need domain must be assessed as SOME or HIGH need." })
  needsAssessedNeed!: boolean;

  @Field(() => Boolean, { description: "R-ROSC-3: the date the person asked for it, and what staff did to make first contact, must be recorded." })
  needsInterest!: boolean;

  @Field(() => Boolean, { description: "R-ROSC-6: must be sustained (a planned end date or at least 2 planned sessions), never a one-off." })
  sustainedOnly!: boolean;

  @Field(() => Boolean, { description: "R-ROSC-4: carries a schedule of check-ups the service initiates after discharge." })
  needsContactSchedule!: boolean;

  @Field(() => Boolean, { description: "Opioid substitution: counts towards long-term OST (R-OST-1) and blocks a 'treatment completed' discharge while open (R-DIS-2)." })
  opioidSubstitution!: boolean;

  @Field(() => Boolean, { description: "A retired item keeps its meaning for the records that use it but is not offered for new ones (R-INT-1)." })
  retired!: boolean;

  @Field(() => Int, { description: "Where the item sits in the catalogue's order." })
  position!: number;

  @Field(() => Int, { description: "Version of this item; pass it back when updating so a stale edit is refused." })
  version!: number;

  static of(row: CatalogueItemRow): CatalogueItem {
    const item = toCatalogueItem(row);
    const switches = item.switches;
    const catalogueItem = new CatalogueItem();
    catalogueItem.id = toGlobalId("CatalogueItem", row.code);
    catalogueItem.localId = row.code;
    catalogueItem.code = item.code;
    catalogueItem.label = item.label;
    catalogueItem.definition = item.definition;
    catalogueItem.modality = item.modality;
    catalogueItem.phase = item.phase;
    catalogueItem.retired = item.retired;
    catalogueItem.subTypes = item.subTypes.map((subType) => CatalogueSubType.of(subType));
    catalogueItem.needsConcurrentModality = switches.needsConcurrentModality;
    catalogueItem.needsSubType = switches.needsSubType;
    catalogueItem.needsAssessedNeed = switches.needsAssessedNeed;
    catalogueItem.needsInterest = switches.needsInterest;
    catalogueItem.sustainedOnly = switches.sustainedOnly;
    catalogueItem.needsContactSchedule = switches.needsContactSchedule;
    catalogueItem.opioidSubstitution = switches.opioidSubstitution;
    catalogueItem.position = row.position;
    catalogueItem.version = row.version;
    return catalogueItem;
  }
}

@InputType({ description: "A sub-type of a catalogue item." })
export class CatalogueSubTypeInput {
  @Field(() => String, { description: "Stable code in capitals and underscores, unique within the item." })
  code!: string;

  @Field(() => String, { description: "What staff see when choosing it." })
  label!: string;

  @Field(() => NeedDomainEnum, { nullable: true, description: "The need domain an assessment must show, for items with needsAssessedNeed; null for none." })
  needDomain?: NeedDomain | null;
}

@InputType({ description: "A new catalogue item. Switches left out are off." })
export class CreateCatalogueItemInput {
  @Field(() => String, { description: "Stable code in capitals, digits and single underscores, e.g. PEER_MENTORING. Never reused, even after retirement." })
  code!: string;

  @Field(() => String, { description: "Name shown to staff (up to 120 characters)." })
  label!: string;

  @Field(() => String, { description: "What counts as this intervention (up to 1000 characters)." })
  definition!: string;

  @Field(() => ModalityEnum, { description: "The kind of intervention." })
  modality!: Modality;

  @Field(() => PhaseEnum, { description: "When in the journey it may be recorded." })
  phase!: Phase;

  @Field(() => [CatalogueSubTypeInput], { defaultValue: [], description: "Kinds of support within the item." })
  subTypes!: CatalogueSubTypeInput[];

  @Field(() => Boolean, { defaultValue: false, description: "R-ROSC-1 switch." })
  needsConcurrentModality!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "R-ROSC-2 / R-ROSC-5 sub-type switch." })
  needsSubType!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "R-ROSC-2 assessed-need switch (needs needsSubType and a need domain on every sub-type)." })
  needsAssessedNeed!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "R-ROSC-3 interest switch." })
  needsInterest!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "R-ROSC-6 sustained-only switch." })
  sustainedOnly!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "R-ROSC-4 contact-schedule switch (post-treatment items only)." })
  needsContactSchedule!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "Opioid substitution switch (pharmacological items only)." })
  opioidSubstitution!: boolean;
}

@InputType({ description: "Changes to a catalogue item. Fields left out keep their value." })
export class UpdateCatalogueItemInput {
  @Field(() => ID, { description: "The item's global ID." })
  id!: string;

  @Field(() => String, { nullable: true, description: "A new code. Refused with CATALOGUE_ITEM_IN_USE once any intervention uses the item." })
  code?: string | null;

  @Field(() => String, { nullable: true, description: "A new label." })
  label?: string | null;

  @Field(() => String, { nullable: true, description: "A new definition." })
  definition?: string | null;

  @Field(() => ModalityEnum, { nullable: true, description: "A new modality. Refused with CATALOGUE_ITEM_IN_USE once the item is in use." })
  modality?: Modality | null;

  @Field(() => PhaseEnum, { nullable: true, description: "A new phase." })
  phase?: Phase | null;

  @Field(() => [CatalogueSubTypeInput], {
    nullable: true,
    description: "The whole new list of sub-types. Once the item is in use its existing sub-types must stay (labels may change); new ones may be added.",
  })
  subTypes?: CatalogueSubTypeInput[] | null;

  @Field(() => Boolean, { nullable: true, description: "R-ROSC-1 switch." })
  needsConcurrentModality?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "R-ROSC-2 / R-ROSC-5 sub-type switch." })
  needsSubType?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "R-ROSC-2 assessed-need switch." })
  needsAssessedNeed?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "R-ROSC-3 interest switch." })
  needsInterest?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "R-ROSC-6 sustained-only switch." })
  sustainedOnly?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "R-ROSC-4 contact-schedule switch." })
  needsContactSchedule?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Opioid substitution switch." })
  opioidSubstitution?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "False offers a retired item for new records again; use retireCatalogueItem to retire." })
  retired?: boolean | null;

  @Field(() => Int, { nullable: true, description: "The version the edit was based on; a stale edit is refused with STALE_VERSION." })
  version?: number | null;
}

@InputType({ description: "The catalogue item to retire." })
export class RetireCatalogueItemInput {
  @Field(() => ID, { description: "The item's global ID." })
  id!: string;

  @Field(() => Int, { nullable: true, description: "The version the change was based on." })
  version?: number | null;
}

@InputType({ description: "The catalogue item to delete. Only an item no intervention has ever used can be deleted." })
export class DeleteCatalogueItemInput {
  @Field(() => ID, { description: "The item's global ID." })
  id!: string;
}
