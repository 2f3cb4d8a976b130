/** The element id of a form field, from the form and the input path the API names in its errors. */
export function fieldId(formId: string, field: string): string {
  return `${formId}-${field.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}
