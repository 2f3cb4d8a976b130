import type { NeedDomain, NeedLevel } from "@waymark/core";
import type { Random } from "../random.js";
import type { ClinicalProfile } from "./clinicalProfiles.js";

/** Recovery-plan goals in the person's own words, as keyworkers are taught to write them. */
const SUBSTANCE_GOALS: Record<ClinicalProfile, readonly string[]> = {
  OPIATE: ["Stop using heroin on top of my script", "Get my methadone down to 30ml by the summer", "Stop injecting and keep my veins for the future"],
  OPIATE_AND_CRACK: ["Stop using crack and heroin on top of my script", "Cut my crack use down to nothing", "Keep my money for food and rent, not rocks"],
  ALCOHOL: ["Stop drinking and stay alcohol-free", "Get through a detox safely and stay dry", "No drinking before 6pm and two dry days a week"],
  COCAINE_AND_ALCOHOL: ["Stop using cocaine at the weekends", "Go out with friends without drinking or using", "Stop using cocaine and cut my drinking to safe levels"],
  CANNABIS: ["Cut down to smoking only at the weekends", "Stop smoking weed during the day"],
  YOUNG_PERSON_MIXED: ["Stop using ket at parties", "Stop smoking weed before school", "Know how to stay safer if I do use"],
};

const OTHER_GOALS: Partial<Record<NeedDomain, readonly string[]>> = {
  PHYSICAL_HEALTH: ["Get my liver checked and go to the follow-up appointment", "Register with a dentist", "Get my leg wound dressed every week at the GP"],
  MENTAL_HEALTH: ["See my GP about my low mood", "Sleep better without using anything", "Go to the anxiety group at Talking Therapies"],
  HOUSING: ["Move from the hostel into my own flat", "Keep up my rent so I keep my tenancy", "Get on the council's housing register"],
  FINANCE: ["Sort out my Universal Credit claim", "Get debt advice and a payment plan for my arrears", "Open a bank account and budget each week"],
  EMPLOYMENT_EDUCATION: ["Start a volunteering placement", "Go back to college in September", "Get my CSCS card and find building work", "Go to school every day this term"],
  FAMILY_RELATIONSHIPS: ["Rebuild contact with my mum", "Have regular contact with my children", "Stop arguing with my dad at home"],
  PARENTING: ["Go to every session of the parenting course", "Keep to the child protection plan", "Get the children to school on time every day"],
  CRIMINAL_JUSTICE: ["Complete my community order without a breach", "Keep every probation appointment"],
};

/**
 * Goals for a full plan: always one for substance use, then one or two for the other domains the
 * assessment found a need in, most pressing first.
 */
export function goalsFor(random: Random, profile: ClinicalProfile, needs: Partial<Record<NeedDomain, NeedLevel>>): { domain: NeedDomain; description: string }[] {
  const pressing = (Object.entries(needs) as [NeedDomain, NeedLevel][])
    .filter(([domain, level]) => domain !== "SUBSTANCE_USE" && level !== "NONE")
    .flatMap(([domain, level]) => {
      const choices = OTHER_GOALS[domain];
      return choices ? [{ domain, level, choices }] : [];
    })
    .sort((a, b) => (a.level === b.level ? 0 : a.level === "HIGH" ? -1 : 1));
  const others = pressing.slice(0, random.int(1, 2)).map(({ domain, choices }) => ({ domain, description: random.pick(choices) }));
  return [{ domain: "SUBSTANCE_USE", description: random.pick(SUBSTANCE_GOALS[profile]) }, ...others];
}

/** A first goal for an interim plan, agreed at triage to keep the person safe while they wait. */
export function interimGoalFor(random: Random, profile: ClinicalProfile): { domain: NeedDomain; description: string } {
  const opiate = profile === "OPIATE" || profile === "OPIATE_AND_CRACK";
  return {
    domain: "SUBSTANCE_USE",
    description: opiate
      ? random.pick(["Carry naloxone and never use alone", "Start a script and stop buying on the street"])
      : random.pick(["Keep a drink and drug diary until my assessment", "Do not drive after drinking or using", "Come to my assessment appointment"]),
  };
}
