"use client";

/**
 * The partnership's "wat werkt" entries, by factor, with how each is shared; the coordinator
 * adds them (guarded against identifiers and names by the server) and removes them.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { ModelForm } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { RemoveButton, useNotice } from "@/app/_components/notice";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { describeError, useTRPC } from "@/app/_trpc/client";
import type { RouterInputs } from "@/app/_trpc/types";
import { currentInstrument } from "@/domain/instrument";
import { schoolTypes } from "@/domain/vocabulary";

type Values = Omit<RouterInputs["practices"]["create"], "partnershipId">;

export function PracticesList({
  partnershipId,
  canKeep,
}: {
  partnershipId: string;
  canKeep: boolean;
}) {
  const t = useTranslations("practices");
  const tAll = useTranslations();
  const locale = useLocale() as "nl" | "en";
  const trpc = useTRPC();
  const list = useQuery(trpc.practices.list.queryOptions({ partnershipId }));
  const invalidate = useInvalidate((trpc) => trpc.practices.pathFilter());
  const create = useMutation(trpc.practices.create.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(trpc.practices.remove.mutationOptions({ onSuccess: invalidate }));
  const notice = useNotice();
  const factors = currentInstrument.levels.flatMap((l) => l.factors);
  const label = (id: string) => {
    const f = factors.find((x) => x.id === id);
    return f ? `${f.id} ${f.label[locale]}` : id;
  };
  return (
    <>
      {notice.view}
      {list.isPending ? (
        <Loading label={tAll("app.loading")} />
      ) : list.isError ? (
        <ErrorAlert message={describeError(list.error, tAll("errors.network")).message} />
      ) : list.data.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="utrecht-unordered-list smo-practices">
          {list.data.map((p) => (
            <li key={p.id} className="utrecht-unordered-list__item">
              <strong>{label(p.factorId)}</strong>: {p.text}{" "}
              <span className="utrecht-status-badge">
                {p.shared
                  ? `${p.reach === "national" ? t("sharedNational") : t("sharedMunicipality")}, ${
                      p.showName ? t("withName") : t("withoutName")
                    }`
                  : t("notShared")}
              </span>
              {canKeep && (
                <RemoveButton
                  name={`${label(p.factorId)}: ${p.text.slice(0, 40)}…`}
                  question={t("removeConfirm")}
                  onConfirm={() =>
                    void notice.run(
                      () => remove.mutateAsync({ partnershipId, id: p.id, version: p.version }),
                      t("removed"),
                    )
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {canKeep && (
        <ModelForm<Values>
          fields={[
            {
              name: "factorId",
              kind: "select",
              label: tAll("fields.factorId"),
              options: factors.map((f) => ({ value: f.id, label: `${f.id} ${f.label[locale]}` })),
            },
            { name: "text", kind: "textarea", label: tAll("fields.text") },
            {
              name: "schoolType",
              kind: "select",
              label: tAll("fields.schoolType"),
              nullable: true,
              emptyLabel: t("anySchoolType"),
              options: schoolTypes.map((s) => ({ value: s, label: tAll(`cases.schoolType.${s}`) })),
            },
            { name: "shared", kind: "checkbox", label: tAll("fields.shared") },
            {
              name: "reach",
              kind: "select",
              label: tAll("fields.reach"),
              defaultValue: "national",
              options: (["national", "municipality"] as const).map((r) => ({
                value: r,
                label: t(`reach.${r}`),
              })),
            },
            { name: "showName", kind: "checkbox", label: tAll("fields.showName") },
          ]}
          submitLabel={t("add")}
          successMessage={t("added")}
          resetOnSuccess
          onSubmit={(v) => create.mutateAsync({ partnershipId, ...v })}
        />
      )}
    </>
  );
}
