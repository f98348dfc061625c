"use client";

/**
 * "Wij hoorden, wij doen": after the sign-off, the coordinator writes for the parents and young
 * people who took part what was discussed and who does what by when (pre-filled from the
 * agreed actions), and publishes it on their link page. Printable for those without a link.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDates } from "@/app/_components/dates";
import { ModelForm } from "@/app/_components/form";
import { useTRPC } from "@/app/_trpc/client";
import type { SectionProps } from "./session";

type HeardValues = { text: string; publish: boolean };

export function HeardSummary({ session: s, ids }: SectionProps) {
  const t = useTranslations("rounds");
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.rounds.heard.queryOptions(ids),
    enabled: s.status === "signed_off",
  });
  const save = useMutation(
    trpc.rounds.saveHeard.mutationOptions({ onSuccess: () => void query.refetch() }),
  );
  const { moment } = useDates();
  if (s.status !== "signed_off" || !query.data) return null;
  const h = query.data;
  return (
    <section aria-labelledby="heard-heading" className="smo-heard">
      <h2 id="heard-heading" className="utrecht-heading-2">
        {t("heardTitle")}
      </h2>
      <p className="utrecht-paragraph smo-no-print">{t("heardIntro")}</p>
      <p className="utrecht-paragraph" role="status">
        {h.publishedAt
          ? t("heardPublished", { at: moment(h.publishedAt) })
          : t("heardNotPublished")}
      </p>
      {s.can.planSessions ? (
        <div className="smo-no-print">
          <ModelForm<HeardValues>
            key={h.version}
            submitLabel={t("heardSave")}
            successMessage={t("heardSaved")}
            fields={[
              {
                name: "text",
                kind: "textarea",
                label: t("heardText"),
                hint: t("heardHint"),
                required: true,
                defaultValue: h.text,
              },
              {
                name: "publish",
                kind: "checkbox",
                label: t("heardPublish"),
                defaultValue: h.publishedAt !== null,
              },
            ]}
            onSubmit={(v) => save.mutateAsync({ ...ids, ...v, version: h.version })}
          />
        </div>
      ) : null}
      <div className="smo-heard-text smo-print-only">{h.text}</div>
      <div className="utrecht-button-group smo-no-print">
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => window.print()}
        >
          {t("heardPrint")}
        </button>
      </div>
    </section>
  );
}
