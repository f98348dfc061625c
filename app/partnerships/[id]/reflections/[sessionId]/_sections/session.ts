/** What the sections of the session page share: the session, its ids, what a change refreshes. */
import { useInvalidate } from "@/app/_components/invalidate";
import type { RouterOutputs } from "@/app/_trpc/types";

export type Session = RouterOutputs["reflections"]["get"];
export type Ids = { partnershipId: string; sessionId: string };
/** A section's props: the session, its ids, and whether it can still be changed. */
export type SectionProps = { session: Session; ids: Ids; editable: boolean };

/** A change to a session shows on the session and on the dashboard. */
export function useInvalidateSession() {
  return useInvalidate((trpc) => [trpc.reflections.pathFilter(), trpc.dashboards.pathFilter()]);
}
