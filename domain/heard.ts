/**
 * The first draft of "Wij hoorden, wij doen" (server/routers/rounds.ts heard): the actions a
 * session agreed, as who does what by when, in plain words. The coordinator writes the rest —
 * what was discussed — and checks it before it goes to the parents and young people.
 */
type Locale = "nl" | "en";

type Action = { description: string; ownerName: string | null; dueOn: string };

const words = {
  nl: {
    heard: "Wat we hoorden en bespraken:",
    placeholder: "- ",
    doing: "Wat we gaan doen:",
    none: "- We spreken de acties af in de volgende bijeenkomst.",
    action: (a: Action, day: string) =>
      `- ${a.description}${a.ownerName ? ` (${a.ownerName})` : ""}, vóór ${day}`,
    next: "Wilt u reageren? Vraag het aan de school of de hulpverlener.",
  },
  en: {
    heard: "What we heard and discussed:",
    placeholder: "- ",
    doing: "What we will do:",
    none: "- We agree the actions in the next meeting.",
    action: (a: Action, day: string) =>
      `- ${a.description}${a.ownerName ? ` (${a.ownerName})` : ""}, by ${day}`,
    next: "Would you like to respond? Ask the school or the care worker.",
  },
};

/** A day as people read it in the language: "12 maart 2026", "12 March 2026". */
export function readableDay(locale: Locale, iso: string) {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));
}

export function heardDraft(locale: Locale, actions: readonly Action[]): string {
  const w = words[locale];
  return [
    w.heard,
    w.placeholder,
    "",
    w.doing,
    ...(actions.length > 0
      ? actions.map((a) => w.action(a, readableDay(locale, a.dueOn)))
      : [w.none]),
    "",
    w.next,
  ].join("\n");
}
