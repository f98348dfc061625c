/** What the sections of the case page share: the case, its ids, what a change refreshes. */
import { useInvalidate } from "@/app/_components/invalidate";
import type { RouterOutputs } from "@/app/_trpc/types";

export type Case = RouterOutputs["cases"]["get"];
export type Ids = { partnershipId: string; caseId: string };

export function useInvalidateCases() {
  return useInvalidate((trpc) => trpc.cases.pathFilter());
}

export type CheckIn = Case["timeline"][number];
