/** The few fields of a zod issue the validator reads. */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  keys?: string[];
  input?: unknown;
}

/**
 * A Ukrainian message for a schema issue: the schema's own messages are
 * Ukrainian already; zod's generic ones (missing field, wrong type, unknown
 * key) are replaced here.
 */
export function issueMessage(issue: SchemaIssue, value: unknown): string {
  if (!/^(?:Invalid|Unrecognized|Too |Expected)/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'обовʼязкове поле відсутнє';
      if (issue.expected === 'date') return `«${String(value)}» не є датою (потрібно РРРР-ММ-ДД)`;
      return `неправильний тип: потрібно ${typeName(issue.expected)}, а не ${typeName(Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value)}`;
    case 'unrecognized_keys':
      return `невідоме поле «${issue.keys?.join('», «')}»`;
    default:
      return `неправильне значення (${issue.message})`;
  }
}

function typeName(type: unknown): string {
  const names: Record<string, string> = {
    string: 'текст',
    number: 'число',
    boolean: 'так/ні',
    array: 'список',
    object: 'набір полів',
    date: 'дата',
    null: 'порожнє значення',
    undefined: 'порожнє значення',
  };
  return names[String(type)] ?? String(type);
}
