"use client";

import { RemoveButton, type RunAction } from "@/app/_components/notice";
/**
 * A list of things one can take out or put back: each item with one button (remove, restore,
 * unassign, revoke), its outcome told by the page's notice (`useNotice`). Empty, it says so.
 * What is removed can be restored, so a removal asks once (RemoveButton); the other buttons act
 * at once. The form that adds an item stays with the page: it differs per list.
 */
import { EmptyState } from "@/app/_components/states";

type ItemAction<T> = {
  /** A name for the item, read after the button's text by screen readers ("Verwijder Jan"). */
  name: (item: T) => string;
  run: (item: T) => Promise<unknown>;
  /** Said when it worked. */
  done: string;
} & (
  | {
      kind: "remove";
      /** The confirmation question, when "you can restore this later" does not hold. */
      question?: (item: T) => string;
    }
  | { kind: "button"; label: string }
);

export function EditableList<T>({
  items,
  itemKey,
  render,
  after,
  action,
  run,
  empty,
}: {
  items: T[];
  itemKey: (item: T) => string;
  /** The item as the list shows it, before its button. */
  render: (item: T) => React.ReactNode;
  /** What follows the button (details of the item). */
  after?: (item: T) => React.ReactNode;
  /** The item's button; none where the list is read-only. */
  action?: ItemAction<T>;
  /** The page's notice, which tells how the action went. */
  run: RunAction;
  /** Said when there are no items. */
  empty?: React.ReactNode;
}) {
  if (items.length === 0) return empty ? <EmptyState>{empty}</EmptyState> : null;
  const act = (item: T) => {
    if (action) void run(() => action.run(item), action.done);
  };
  return (
    <ul className="utrecht-unordered-list">
      {items.map((item) => (
        <li key={itemKey(item)} className="utrecht-unordered-list__item">
          {render(item)}{" "}
          {action?.kind === "remove" && (
            <RemoveButton
              name={action.name(item)}
              question={action.question?.(item)}
              onConfirm={() => act(item)}
            />
          )}
          {action?.kind === "button" && (
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              onClick={() => act(item)}
            >
              {action.label} <span className="smo-visually-hidden">{action.name(item)}</span>
            </button>
          )}
          {after?.(item)}
        </li>
      ))}
    </ul>
  );
}
