/**
 * Names for the text areas CodeMirror types into. GraphiQL leaves them unnamed, so a screen reader announces
 * only "edit text"; the editors are found by GraphiQL's own layout (variables first, then headers, in the tools).
 */
const EDITOR_LABELS: readonly (readonly [selector: string, label: string])[] = [
  [".graphiql-query-editor .CodeMirror textarea", "Query"],
  [".graphiql-editor-tool > .graphiql-editor:nth-of-type(1) .CodeMirror textarea", "Variables (JSON)"],
  [".graphiql-editor-tool > .graphiql-editor:nth-of-type(2) .CodeMirror textarea", "Request headers (JSON)"],
  [".graphiql-response .CodeMirror textarea", "Response"],
];

function labelEditors(root: ParentNode): void {
  for (const [selector, label] of EDITOR_LABELS) {
    for (const textArea of root.querySelectorAll(selector)) {
      if (!textArea.hasAttribute("aria-label")) textArea.setAttribute("aria-label", label);
    }
  }
}

/**
 * Keeps GraphiQL's editors named as they are created (GraphiQL builds them after its first render, and again
 * for each new tab). Returns a function that stops watching.
 */
export function keepEditorsLabelled(root: HTMLElement): () => void {
  labelEditors(root);
  const observer = new MutationObserver(() => labelEditors(root));
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
