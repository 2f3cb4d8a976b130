/** Colours carry no meaning on their own here: the tag's words do, so it reads the same in greyscale. */
export type TagTone = "red" | "orange" | "yellow" | "blue" | "green" | "grey" | "purple";

export function Tag({ children, tone = "blue" }: { children: string; tone?: TagTone }) {
  return <strong className={`tag tag--${tone}`}>{children}</strong>;
}
