/**
 * A table's horizontal scroll region, named and focusable: on a phone a wide table scrolls
 * inside it, and a keyboard user reaches and scrolls it too (WCAG 2.1.1; axe
 * scrollable-region-focusable).
 */
export function ScrollRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named region around a table, not a section of the page's outline.
    <div
      className={`smo-table-wrap${className ? ` ${className}` : ""}`}
      role="region"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard.
      tabIndex={0}
    >
      {children}
    </div>
  );
}
