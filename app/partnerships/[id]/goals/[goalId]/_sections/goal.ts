/** What the sections of the goal page share: the goal and its measurements and history. */
import type { RouterOutputs } from "@/app/_trpc/types";

type Outputs = RouterOutputs["goals"];
export type Goal = Outputs["get"];
export type Measurement = Goal["measurements"][number];
export type HistoryEntry = Outputs["history"][number];
