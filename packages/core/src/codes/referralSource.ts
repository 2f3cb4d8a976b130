import { defineCodeList, type CodeOf } from "./codeList.js";

/** Where a referral came from (DOMAIN §6). */
export const REFERRAL_SOURCES = defineCodeList([
  { code: "SELF", label: "Self-referral" },
  { code: "FAMILY_OR_CONCERNED_OTHER", label: "Family member or concerned other" },
  { code: "GP", label: "GP" },
  { code: "HOSPITAL", label: "Hospital (A&E or ward)" },
  { code: "MENTAL_HEALTH_SERVICE", label: "Mental health service" },
  { code: "SOCIAL_SERVICES", label: "Social services or children's services" },
  { code: "PROBATION", label: "Probation" },
  { code: "POLICE_ARREST_REFERRAL", label: "Police or arrest referral" },
  { code: "PRISON", label: "Prison" },
  { code: "COURTS", label: "Courts" },
  { code: "OTHER_DRUG_ALCOHOL_SERVICE", label: "Another drug or alcohol service" },
  { code: "HOUSING_SERVICE", label: "Housing service" },
  { code: "EMPLOYMENT_SERVICE", label: "Employment service" },
  { code: "EDUCATION", label: "School, college or other education" },
  { code: "OTHER", label: "Other" },
]);
export type ReferralSource = CodeOf<typeof REFERRAL_SOURCES>;

/** How quickly a referral needs a first response. */
export const REFERRAL_URGENCIES = defineCodeList([
  { code: "ROUTINE", label: "Routine" },
  { code: "URGENT", label: "Urgent" },
]);
export type ReferralUrgency = CodeOf<typeof REFERRAL_URGENCIES>;
