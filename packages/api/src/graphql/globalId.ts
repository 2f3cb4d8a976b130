/**
 * Opaque global IDs (ENGINEERING.md): base64url of "Type:id". Clients must not build or parse them; the
 * type inside lets `node(id:)` find the record and lets every resolver refuse an ID of the wrong type.
 */
export function toGlobalId(type: string, id: string | number): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
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
