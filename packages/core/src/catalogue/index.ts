/**
 * The intervention catalogue (R-CAT-1): the item model, the default items of DOMAIN §5, and the checks on an
 * admin's additions, edits, deletions and retirements.
 */
export * from "./catalogueItem.js";
export * from "./defaultCatalogue.js";
export * from "./catalogueRules.js";
