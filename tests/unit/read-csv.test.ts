// The CSV reader of the import and the seed against csv-parse, an independent reader: the same records from the same
// text (files with one kind of line break, as any writer produces), and an error wherever csv-parse finds one.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvRecordReader, CsvSyntaxError, readCsv } from "@/lib/csv/read-csv";

function records(text: string, maxRecordChars = Infinity): { fields: string[]; line: number }[] {
  const reader = csvRecordReader(text, { maxRecordChars });
  const out: { fields: string[]; line: number }[] = [];
  for (let record = reader.next(); record !== null; record = reader.next()) out.push(record);
  return out;
}

function oracle(text: string): { fields: string[]; line: number }[] {
  return (
    parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[]
  ).map((r) => ({ fields: r.record, line: r.info.lines }));
}

describe("readCsv", () => {
  it("reads quoted fields, doubled quotes, line breaks inside quotes, a BOM, CRLF and empty lines as csv-parse does", () => {
    for (const text of [
      'a,b\n1,"x\ny"\n3,4',
      "a,b\r\n1,2\r\n\r\n3,4\r\n",
      "\uFEFFa,b\n1,2",
      'a,b\n"",""\n',
      'a,b\n"q""q",2',
      "a,b\n1,2\n\n\n5,6",
      "a,b,\n1,,\n",
      "a,b\r1,2\r3,4",
    ])
      expect(records(text), JSON.stringify(text)).toEqual(oracle(text));
  });

  it("agrees with csv-parse on thousands of random files, records and errors alike", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const lineBreak of ["\n", "\r\n"]) {
      const pieces = ["a", "b", ",", '"', lineBreak, " ", '""', "é"];
      for (let k = 0; k < 1000; k++) {
        let text = "";
        for (let n = 1 + Math.floor(random() * 12); n > 0; n--) text += pieces[Math.floor(random() * pieces.length)];
        let expected: string[][] | "error";
        try {
          expected = oracle(text).map((r) => r.fields);
        } catch {
          expected = "error";
        }
        let actual: string[][] | "error";
        try {
          actual = records(text).map((r) => r.fields);
        } catch (error) {
          expect(error).toBeInstanceOf(CsvSyntaxError);
          actual = "error";
        }
        expect(actual, JSON.stringify(text)).toEqual(expected);
      }
    }
  });

  // A CRLF inside quotes is one line (csv-parse counts it as two).
  it("names the line of a record that ends after a quoted line break, and of each error", () => {
    expect(records('a\n"1\r\n2"\n3').map((r) => r.line)).toEqual([1, 3, 4]);
    expect(records('a\r\n"1\r\n2"\r\n3').map((r) => r.line)).toEqual([1, 3, 4]);
    const lineOf = (text: string) => {
      try {
        records(text);
      } catch (error) {
        return (error as CsvSyntaxError).line;
      }
      return null;
    };
    expect(lineOf('a,b\n1,"2')).toBe(2);
    expect(lineOf('a,b\n1,"2"x\n')).toBe(2);
    expect(lineOf('a,b\n1,2"3\n')).toBe(2);
    expect(lineOf(`a\n${"x".repeat(50)}`)).toBeNull();
    expect(() => records(`a\n${"x".repeat(50)}`, 40)).toThrow(/line 2 is longer than 40 characters/);
  });

  it("reads a whole file", () => {
    expect(readCsv("a,b\n1,2\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
});
