/** GET /admin/transfer/export/<partnership id>: its document as a file (server/transfer-http.ts). */
import { downloadExport } from "@/server/transfer-http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return downloadExport(request, (await params).id);
}
