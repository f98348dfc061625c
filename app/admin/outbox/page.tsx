import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminCrumb } from "@/app/admin/admin-crumb";
import { Outbox } from "./outbox";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title") };
}

/** Every mail the platform queued, sent or not: without SMTP the only place to read them. */
export default async function OutboxPage() {
  const t = await getTranslations("outbox");
  return (
    <>
      <AdminCrumb />
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <Outbox />
    </>
  );
}
