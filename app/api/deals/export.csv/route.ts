import { csvResponse } from "@/lib/api/responses";
import { parseApiDealFilters } from "@/lib/api/parse-api-deal-filters";
import { DEAL_CSV_ALL_COLUMNS } from "@/lib/csv/deal-csv-format";
import { dealExportFileName } from "@/lib/csv/export-file-name";
import { csvStream } from "@/lib/csv/write-csv";
import { dealCsvBatches } from "@/lib/data/deal-export";
import { withErrorHandling } from "@/lib/request-id";

/** GET /api/deals/export.csv: every deal the filters select (not one page), in the CSV interchange format, streamed. */
export const GET = withErrorHandling(async function GET(request: Request) {
  const { filters, error } = await parseApiDealFilters(request);
  if (error) return error;
  return csvResponse(dealExportFileName(filters), await csvStream(DEAL_CSV_ALL_COLUMNS, dealCsvBatches(filters)));
});
