export * from "./catalogueItem.js";
