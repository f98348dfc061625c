import { useInvalidate } from "@/app/_components/invalidate";

/** After any change, the partnership's queries are fetched again. */
export function useInvalidatePartnership() {
  return useInvalidate((trpc) => trpc.partnerships.pathFilter());
}
