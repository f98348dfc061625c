import { loadScope } from "@/app/_scopes/load";
import { ScopePage, scopeMetadata } from "@/app/_scopes/scope-page";

export const generateMetadata = scopeMetadata("region");

/** A youth-care region's dashboard: the partnerships of its municipalities, in aggregates. */
export default async function RegionPage({ params }: { params: Promise<{ id: string }> }) {
  return <ScopePage scope={await loadScope("region", (await params).id)} />;
}
