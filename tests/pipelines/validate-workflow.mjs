// Validates a GitHub Actions workflow with GitHub's own parser (@actions/workflow-parser, the one behind the
// Actions language service): YAML syntax, the workflow schema, expressions. Prints one line per error and a count;
// exits 1 when there is any.
import { readFileSync } from "node:fs";
import { register } from "node:module";

register("./json-hook.mjs", import.meta.url);
const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await import("@actions/workflow-parser");

const [file] = process.argv.slice(2);
const parsed = parseWorkflow({ name: file, content: readFileSync(file, "utf8") }, new NoOperationTraceWriter());
const errors = [...parsed.context.errors.getErrors()];
if (parsed.value !== undefined && errors.length === 0) {
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  errors.push(...(template.errors ?? []));
}
for (const error of errors) console.log(`${file}: ${error.message ?? error.Message ?? JSON.stringify(error)}`);
console.log(`${errors.length} error(s)`);
process.exit(errors.length === 0 ? 0 : 1);
