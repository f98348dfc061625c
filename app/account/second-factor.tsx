"use client";

/**
 * Setting up the second sign-in step (TOTP): a QR code and the key typed out, a code from the
 * app to confirm, then the recovery codes, shown once, to print or write down. Where it is set
 * up: recovery codes left, new ones, turning it off (not where it is required) and setting it
 * up again on a new phone. Also what someone sees who must set it up before anything else.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDates } from "@/app/_components/dates";
import { ModelForm } from "@/app/_components/form";
import { ErrorAlert, Loading } from "@/app/_components/states";
import { describeError, useTRPC } from "@/app/_trpc/client";

type Setup = { secret: string; qrSvg: string };

export function SecondFactor({ pending = false }: { pending?: boolean }) {
  const t = useTranslations("account.secondFactor");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const { moment } = useDates();
  const status = useQuery(trpc.me.secondFactor.status.queryOptions());
  const begin = useMutation(trpc.me.secondFactor.begin.mutationOptions());
  const confirm = useMutation(trpc.me.secondFactor.confirm.mutationOptions());
  const renew = useMutation(trpc.me.secondFactor.renewRecoveryCodes.mutationOptions());
  const disable = useMutation(trpc.me.secondFactor.disable.mutationOptions());
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [beginError, setBeginError] = useState<string | null>(null);
  const otpField = {
    name: "otp" as const,
    kind: "text" as const,
    label: tAll("fields.otp"),
    autoComplete: "one-time-code",
  };

  async function start() {
    setBeginError(null);
    try {
      setSetup(await begin.mutateAsync(undefined));
    } catch (error) {
      setBeginError(describeError(error, tAll("errors.network")).message);
    }
  }

  if (codes)
    return (
      <section aria-labelledby="codes-heading" className="smo-recovery-codes">
        <h2 id="codes-heading" className="utrecht-heading-2">
          {t("codesTitle")}
        </h2>
        <p className="utrecht-paragraph">{t("codesIntro")}</p>
        <ul className="utrecht-unordered-list smo-codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <div className="utrecht-button-group">
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => window.print()}
          >
            {t("print")}
          </button>
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            // A full navigation: the menu and the pages open up once the step is set up.
            onClick={() => window.location.assign(pending ? "/" : "/account")}
          >
            {t("codesDone")}
          </button>
        </div>
      </section>
    );

  return (
    <section aria-labelledby="second-factor-heading">
      {/* Held at the set-up, this is the page: its heading is the page's. */}
      {pending ? (
        <h1 id="second-factor-heading" className="utrecht-heading-1">
          {t("pendingTitle")}
        </h1>
      ) : (
        <h2 id="second-factor-heading" className="utrecht-heading-2">
          {t("title")}
        </h2>
      )}
      <p className="utrecht-paragraph">{pending ? t("pending") : t("intro")}</p>
      {status.isPending ? (
        <Loading label={tAll("app.loading")} />
      ) : status.isError ? (
        <ErrorAlert message={describeError(status.error, tAll("errors.network")).message} />
      ) : setup ? (
        <>
          <p className="utrecht-paragraph">{t("step1")}</p>
          {/* biome-ignore lint/performance/noImgElement: a data: SVG made here; nothing to optimise. */}
          <img
            className="smo-qr"
            src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
            alt={t("qrLabel")}
            width={200}
            height={200}
          />
          <p className="utrecht-paragraph">{t("manual")}</p>
          <p className="utrecht-paragraph">
            <code className="smo-secret" data-testid="totp-secret">
              {setup.secret.match(/.{1,4}/g)?.join(" ")}
            </code>
          </p>
          <p className="utrecht-paragraph">{t("step2")}</p>
          <ModelForm<{ otp: string }>
            fields={[otpField]}
            submitLabel={t("confirm")}
            onSubmit={async (v) => {
              const done = await confirm.mutateAsync(v);
              setSetup(null);
              setCodes(done.recoveryCodes);
            }}
          />
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle"
            onClick={() => setSetup(null)}
          >
            {t("cancel")}
          </button>
        </>
      ) : status.data.enabled ? (
        <>
          <p className="utrecht-paragraph">
            {status.data.enabledAt ? t("on", { date: moment(status.data.enabledAt, "day") }) : ""}
            {status.data.required ? ` ${t("required")}` : ""}
          </p>
          <p className="utrecht-paragraph">
            {t("codesLeft", { count: status.data.recoveryCodesLeft })}
          </p>
          <h3 className="utrecht-heading-3">{t("renew")}</h3>
          <p className="utrecht-paragraph">{t("renewIntro")}</p>
          <ModelForm<{ otp: string }>
            fields={[otpField]}
            submitLabel={t("renew")}
            resetOnSuccess
            onSubmit={async (v) => setCodes((await renew.mutateAsync(v)).recoveryCodes)}
          />
          {!status.data.required && (
            <>
              <h3 className="utrecht-heading-3">{t("disable")}</h3>
              <p className="utrecht-paragraph">{t("disableIntro")}</p>
              <ModelForm<{ otp: string }>
                fields={[otpField]}
                submitLabel={t("disable")}
                resetOnSuccess
                successMessage={t("disabled")}
                onSubmit={async (v) => {
                  await disable.mutateAsync(v);
                  await status.refetch();
                }}
              />
            </>
          )}
          <h3 className="utrecht-heading-3">{t("restart")}</h3>
          <p className="utrecht-paragraph">{t("restartIntro")}</p>
          <ModelForm<{ otp: string }>
            fields={[otpField]}
            submitLabel={t("restart")}
            resetOnSuccess
            onSubmit={async (v) => setSetup(await begin.mutateAsync(v))}
          />
        </>
      ) : (
        <>
          <p className="utrecht-paragraph">
            {t("off")}
            {status.data.required ? ` ${t("required")}` : ""}
          </p>
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            onClick={start}
            aria-disabled={begin.isPending || undefined}
          >
            {begin.isPending ? t("busy") : t("start")}
          </button>
          {beginError && <ErrorAlert message={beginError} />}
        </>
      )}
    </section>
  );
}
