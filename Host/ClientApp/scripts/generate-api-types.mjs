// Generates src/api/schema.gen.ts (TypeScript types for the Host's API) from src/api/openapi.json,
// the Host's OpenAPI document committed beside it. Run before every type check, test and build
// (package.json's pre-scripts); the file is build output and is not committed. The Host.Tests test
// OpenApiDocumentTests fails when the committed document no longer matches what the Host serves.
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString, COMMENT_HEADER, NULL, NUMBER, tsUnion } from 'openapi-typescript';

const source = new URL('../src/api/openapi.json', import.meta.url);
const target = new URL('../src/api/schema.gen.ts', import.meta.url);

// The Host reads numbers from JSON strings too (ASP.NET Core's web defaults), so its document types
// every number "integer or string" with a digits pattern. It always writes numbers, and the client
// sends numbers: type them as numbers, or every sum and comparison on a count needs a cast.
function numberReadFromString(schema) {
  const types = schema.type;
  if (!Array.isArray(types) || !types.includes('string') || !schema.pattern) return undefined;
  if (!types.includes('integer') && !types.includes('number')) return undefined;
  return types.includes('null') ? tsUnion([NUMBER, NULL]) : NUMBER;
}

const document = JSON.parse(await readFile(source, 'utf8'));
const ast = await openapiTS(document, {
  // An object schema without properties (System.Text.Json's JsonObject) is any object, not an empty one.
  emptyObjectsUnknown: true,
  transform: numberReadFromString,
});
const text = COMMENT_HEADER + astToString(ast);
// Written only when it changes, so a running `vite` does not reload for nothing.
const previous = await readFile(target, 'utf8').catch(() => null);
if (previous !== text) await writeFile(target, text);
