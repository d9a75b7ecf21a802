import { ANALYSIS_CARD_ALT, analysisCard } from "@/lib/share/cards";
import { SHARE_CARD_SIZE, SHARE_CARD_TYPE, shareCardImage } from "@/lib/share/share-card";

export const size = SHARE_CARD_SIZE;
export const contentType = SHARE_CARD_TYPE;
export const alt = ANALYSIS_CARD_ALT;
// Read from the database at request time, not frozen at build.
export const dynamic = "force-dynamic";

export default async function Image() {
  return shareCardImage(await analysisCard());
}
