import { loadScope } from "@/app/_scopes/load";
import { ScopePage, scopeMetadata } from "@/app/_scopes/scope-page";

export const generateMetadata = scopeMetadata("nation");

/** The national dashboard: every partnership in the Netherlands, in aggregates. */
export default async function NationalPage() {
  return <ScopePage scope={await loadScope("nation", "nl")} />;
}
