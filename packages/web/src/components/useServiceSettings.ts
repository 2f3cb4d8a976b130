import { DEFAULT_SERVICE_SETTINGS, type ServiceSettings } from "@waymark/core";
import { gql, useQuery } from "urql";
import { hasRole, useSession } from "../session/SessionContext.js";

const SERVICE_SETTINGS = gql<{ serviceSettings: ServiceSettings }>`
  query ServiceSettingsForForms {
    serviceSettings {
      dnaFollowUpWorkingDays
      disengagementConsecutiveDnas
      disengagementDaysWithoutContact
      topReviewIntervalMonths
      alignTopReviewsWithPlanReviews
      aftercareMonths
      bankHolidays
    }
  }
`;

/** The provider's schedule settings, and whether they were read from the server or are the defaults. */
export interface KnownServiceSettings {
  readonly settings: ServiceSettings;
  /** False when this person may not read the settings (practitioners) or they are still loading. */
  readonly known: boolean;
}

/**
 * The settings the schedules run on (follow-up days, aftercare window, bank holidays). The API lets only admins
 * and team leads read them, so a practitioner's forms fall back to the defaults of DOMAIN §4 and say so
 * where a date depends on them, rather than state a deadline as fact.
 */
export function useServiceSettings(): KnownServiceSettings {
  const { staff } = useSession();
  const mayRead = hasRole(staff, "TEAM_LEAD") || hasRole(staff, "ADMIN");
  const [{ data }] = useQuery({ query: SERVICE_SETTINGS, pause: !mayRead, requestPolicy: "cache-first" });
  if (mayRead && data) return { settings: data.serviceSettings, known: true };
  return { settings: DEFAULT_SERVICE_SETTINGS, known: false };
}
