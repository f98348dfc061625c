"use client";

/** The domains where organisation sign-in makes accounts, turned on and off (audited). */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ModelForm } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { useNotice } from "@/app/_components/notice";
import { ErrorAlert, Loading } from "@/app/_components/states";
import { describeError, useTRPC } from "@/app/_trpc/client";

export function SignInDomains() {
  const t = useTranslations("signIn");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const list = useQuery(trpc.admin.signInDomains.list.queryOptions());
  const invalidate = useInvalidate((trpc) => trpc.admin.signInDomains.pathFilter());
  const set = useMutation(trpc.admin.signInDomains.set.mutationOptions({ onSuccess: invalidate }));
  const notice = useNotice();
  if (list.isPending) return <Loading label={tAll("app.loading")} />;
  if (list.isError)
    return <ErrorAlert message={describeError(list.error, tAll("errors.network")).message} />;
  const { configured, allowedDomains, domains } = list.data;
  return (
    <>
      {!configured && (
        <div className="utrecht-alert utrecht-alert--info" role="status">
          <p className="utrecht-paragraph">{t("notConfigured")}</p>
        </div>
      )}
      <p className="utrecht-paragraph">
        {t("allowed", { domains: allowedDomains.length ? allowedDomains.join(", ") : t("none") })}
      </p>
      <h2 className="utrecht-heading-2">{t("createTitle")}</h2>
      <p className="utrecht-paragraph">{t("createIntro")}</p>
      {notice.view}
      {domains.length === 0 ? (
        <p className="utrecht-paragraph">{t("empty")}</p>
      ) : (
        <table className="utrecht-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                {tAll("fields.domain")}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t("status")}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                <span className="smo-visually-hidden">{t("save")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {domains.map((d) => (
              <tr key={d.domain} className="utrecht-table__row">
                <td className="utrecht-table__cell">
                  {d.domain}
                  {configured && !allowedDomains.includes(d.domain) && (
                    <div className="utrecht-form-field-description">{t("notAllowed")}</div>
                  )}
                </td>
                <td className="utrecht-table__cell">{d.createAccounts ? t("on") : t("off")}</td>
                <td className="utrecht-table__cell">
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--secondary-action smo-nowrap"
                    disabled={set.isPending}
                    onClick={() =>
                      void notice.run(
                        () =>
                          set.mutateAsync({ domain: d.domain, createAccounts: !d.createAccounts }),
                        t("saved"),
                      )
                    }
                  >
                    {d.createAccounts ? t("turnOff") : t("turnOn")}
                    <span className="smo-visually-hidden"> {d.domain}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="utrecht-heading-3">{t("addTitle")}</h3>
      <ModelForm<{ domain: string; createAccounts: boolean }>
        fields={[
          { name: "domain", kind: "text", label: tAll("fields.domain") },
          {
            name: "createAccounts",
            kind: "checkbox",
            label: tAll("fields.createAccounts"),
            defaultValue: true,
          },
        ]}
        submitLabel={t("save")}
        successMessage={t("saved")}
        resetOnSuccess
        onSubmit={(v) => set.mutateAsync(v)}
      />
    </>
  );
}
