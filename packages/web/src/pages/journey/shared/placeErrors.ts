import { fieldId } from "../../../components/fieldId.js";
import type { FieldErrors } from "../../../graphql/userErrors.js";

/** The nearest input path, from `field` up to its ancestors, that has an element on the page; "" when none. */
function nearestFieldOnPage(formId: string, field: string): string {
  let path = field;
  while (path) {
    if (document.getElementById(fieldId(formId, path))) return path;
    const cut = path.lastIndexOf(".");
    path = cut < 0 ? "" : path.slice(0, cut);
  }
  return "";
}

function pagePosition(formId: string, field: string): Node | null {
  return field ? document.getElementById(fieldId(formId, field)) : null;
}

/**
 * Field errors from rule violations or the API's userErrors, each placed on the field the form shows for
 * it. A path the form has no input for (a list index the server counts differently, or the episode
 * itself) falls back to its nearest ancestor on the page, or to the whole form, so every message has a
 * place in the error summary and no summary link leads nowhere. The summary then lists them in the order
 * of the page, as the person will meet them.
 */
export function placeErrors(formId: string, errors: readonly { field: string; message: string }[]): FieldErrors {
  const placed: FieldErrors = {};
  for (const error of errors) {
    const field = nearestFieldOnPage(formId, error.field);
    if (field === "") {
      // Several whole-form messages are all shown rather than only the first.
      if (!placed[""]?.includes(error.message)) placed[""] = placed[""] ? `${placed[""]} ${error.message}` : error.message;
    } else {
      placed[field] ??= error.message;
    }
  }
  const ordered = Object.keys(placed).sort((a, b) => {
    const first = pagePosition(formId, a);
    const second = pagePosition(formId, b);
    if (!first) return -1;
    if (!second) return 1;
    return first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  return Object.fromEntries(ordered.map((field) => [field, placed[field] ?? ""]));
}
