// Facts about the shipped seed, computed straight from its CSV so the browser tests check the page against the data.
import { capitalOf, seedRows } from "../support/seed-csv";

export const seedDealCount = seedRows.length;

export const seedCapitalCounted = capitalOf(seedRows).total;
