import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { VoiceForm } from "./voice-form";

/**
 * The page behind a personal link: a parent or young person gives their own view on their
 * case, without an account (proxy.ts lets anonymous visitors in). Nothing about the case is
 * shown; the link only says who the questions are for.
 */
export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("voice"))("title"),
    // The token in the address is a key: not indexed, and never sent on as a referrer.
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

export default async function VoicePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <VoiceForm token={token} />;
}
