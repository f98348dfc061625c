/** POST /admin/transfer/import: a partnership document too large for the API (server/transfer-http.ts). */
import { uploadImport } from "@/server/transfer-http";

export const dynamic = "force-dynamic";
export const POST = uploadImport;
