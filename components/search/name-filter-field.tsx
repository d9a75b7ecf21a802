// The investor and recipient filters of /deals, /analysis and /changes: a field of names that suggests organizations
// as people type (SuggestionCombobox over /api/search). The server resolves what is submitted, names, aliases or slugs,
// to slugs (resolveFilterNames), says so when a name names nothing, and sends the browser to the address with slugs.
import { SuggestionCombobox } from "./suggestion-combobox";

/**
 * What a field shows for the chosen slugs: each organization's name, or its slug when the name holds a comma (it would
 * split) or is unknown; comma-separated.
 */
export function fieldText(chosen: readonly string[], names: ReadonlyMap<string, string>): string {
  return chosen
    .map((slug) => {
      const name = names.get(slug);
      return name && !name.includes(",") ? name : slug;
    })
    .join(", ");
}

const TEXT = {
  investor: {
    label: "Investors",
    hint: "Names, aliases or page-address names, separated by commas (Amazon, QIA): deals of any of them; suggestions follow what you type. Empty for any.",
    placeholder: "Any investor",
  },
  recipient: {
    label: "Recipient",
    hint: "Its name, an alias or its page-address name (OpenAI, Anysphere). Empty for any.",
    placeholder: "Any recipient",
  },
};

export function NameFilterField({
  side,
  idPrefix,
  value,
  labelClassName,
  fieldClassName,
  short = false,
}: {
  side: "investor" | "recipient";
  /** Makes the field's ids unique on the page ("filter" gives filter-investor). */
  idPrefix: string;
  /** What the field shows: the chosen organizations' names (fieldText). */
  value: string;
  labelClassName: string;
  fieldClassName: string;
  /** A compact form: the hint is the field's title rather than a paragraph. */
  short?: boolean;
}) {
  const text = TEXT[side];
  const id = `${idPrefix}-${side}`;
  const hintId = `${id}-hint`;
  return (
    <div>
      <label htmlFor={id} className={labelClassName}>
        {text.label}
      </label>
      <p id={hintId} className={short ? "sr-only" : "hint"}>
        {text.hint}
      </p>
      <SuggestionCombobox
        inputId={id}
        name={side}
        onChoose="fill"
        list={side === "investor"}
        defaultValue={value}
        maxLength={side === "investor" ? 500 : 100}
        placeholder={text.placeholder}
        describedBy={hintId}
        className={fieldClassName}
      />
    </div>
  );
}

/** Both fields for the filters' chosen investors and recipient, as grid items of a compact form (/analysis, /changes). */
export function NameFilterFields({
  idPrefix,
  chosen,
  names,
  labelClassName,
  fieldClassName,
}: {
  idPrefix: string;
  chosen: { investors: readonly string[]; recipient: string | null };
  names: ReadonlyMap<string, string>;
  labelClassName: string;
  fieldClassName: string;
}) {
  const field = { idPrefix, labelClassName, fieldClassName, short: true };
  return (
    <>
      <NameFilterField side="investor" value={fieldText(chosen.investors, names)} {...field} />
      <NameFilterField side="recipient" value={fieldText(chosen.recipient ? [chosen.recipient] : [], names)} {...field} />
    </>
  );
}
