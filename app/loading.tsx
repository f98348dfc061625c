import { getTranslations } from "next-intl/server";
import { Loading } from "./_components/states";

export default async function LoadingPage() {
  const t = await getTranslations("app");
  return <Loading label={t("loading")} />;
}
