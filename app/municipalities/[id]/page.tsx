import { loadScope } from "@/app/_scopes/load";
import { ScopePage, scopeMetadata } from "@/app/_scopes/scope-page";

export const generateMetadata = scopeMetadata("municipality");

/** A municipality's dashboard: its partnerships in aggregates, and those that share more. */
export default async function MunicipalityPage({ params }: { params: Promise<{ id: string }> }) {
  return <ScopePage scope={await loadScope("municipality", (await params).id)} />;
}
