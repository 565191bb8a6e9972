import type { z } from 'zod';

/** "sourceId: expected string, received number" for each zod issue, "(input)" standing for the whole value. */
export function issueLines(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const where = issue.path.map(String).join('.');
    const what = issue.message.replace(/^Invalid input: /, '');
    return `${where === '' ? '(input)' : where}: ${what}`;
  });
}
