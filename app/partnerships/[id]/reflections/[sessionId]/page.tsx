import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadOr404 } from "@/app/_components/guard";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { NotShared } from "@/app/partnerships/[id]/not-shared";
import { loadPartnership } from "@/app/partnerships/[id]/partnership";
import { SessionEditor } from "./session-editor";

type Props = { params: Promise<{ id: string; sessionId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reflections"))("sessionTitleShort") };
}

export default async function SessionPage({ params }: Props) {
  const { id, sessionId } = await params;
  if (!(await loadPartnership(id)).can.readSessions)
    return (
      <NotShared
        partnershipId={id}
        title={(await getTranslations("reflections"))("sessionTitleShort")}
      />
    );
  // Fetched on the server (404 when unknown or not ours) and handed to the client cache.
  await loadOr404(() =>
    getQueryClient().fetchQuery(
      trpc.reflections.get.queryOptions({ partnershipId: id, sessionId }),
    ),
  );
  return (
    <HydrateClient>
      <SessionEditor partnershipId={id} sessionId={sessionId} />
    </HydrateClient>
  );
}
