import { HtmlValidate } from 'html-validate';

// html-validate's recommended rules, less two on how our renderer writes the doctype and void
// elements (`<!doctype html>`, `<meta />`), which browsers and the standard accept alike, and
// the 70-character page title, a search engine's advice that members' topic titles may exceed.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'doctype-style': 'off', 'void-style': 'off', 'long-title': 'off' },
});

/** What html-validate finds wrong in a page: empty when the markup is valid and accessible. */
export async function htmlProblems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${m.ruleId} (line ${m.line}): ${m.message}`),
  );
}
