import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoundForm } from "./round-form";

/**
 * The page behind a scoring round's personal link: a parent, a young person or another
 * participant without an account scores the collaboration before the meeting, in plain words
 * (proxy.ts lets anonymous visitors in). After the meeting the same link shows what was heard.
 */
export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("roundLink"))("title"),
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

export default async function RoundPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <RoundForm token={token} />;
}
