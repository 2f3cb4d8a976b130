/**
 * Global IDs lately made, by type and id. A caseload page names some 250 records, its keyworker and team
 * fifty times each, and the same people again on the next refresh: looking an ID up costs a quarter of
 * encoding it afresh (a buffer and a base64 string each time). Ids are not personal data; the bound keeps
 * the memory to a few hundred kilobytes a type.
 */
const recentGlobalIds = new Map<string, Map<string | number, string>>();
const RECENT_GLOBAL_IDS_PER_TYPE = 2000;

/**
 * Opaque global IDs (ENGINEERING.md): base64url of "Type:id". Clients must not build or parse them; the
 * type inside lets `node(id:)` find the record and lets every resolver refuse an ID of the wrong type.
 */
export function toGlobalId(type: string, id: string | number): string {
  let ofType = recentGlobalIds.get(type);
  if (!ofType) recentGlobalIds.set(type, (ofType = new Map()));
  let globalId = ofType.get(id);
  if (globalId === undefined) {
    globalId = Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
    if (ofType.size >= RECENT_GLOBAL_IDS_PER_TYPE) ofType.clear();
    ofType.set(id, globalId);
  }
  return globalId;
}

export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator <= 0 || separator === decoded.length - 1) return null;
  // No record's id holds a control character, and Postgres refuses a NUL byte in text outright.
  if ([...decoded].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f)) return null;
  return { type: decoded.slice(0, separator), id: decoded.slice(separator + 1) };
}

/** The local id inside a global ID of the expected type, or null for anything else. */
export function localIdOf(globalId: string, expectedType: string): string | null {
  const parsed = fromGlobalId(globalId);
  return parsed && parsed.type === expectedType ? parsed.id : null;
}
